package dev.trawl.internal.proxy;

import dev.trawl.fetch.ProxyServer;
import dev.trawl.internal.text.ControlChars;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A file of proxies, one URL a line; blank lines and {@code #} comments are skipped, a bad line is reported as {@code FILE:LINE: why}. */
public final class ProxyFile {
    /** Proxies a file may list. */
    static final int MAX = 100_000;

    /** What a file gave: its proxies, and one line per line that is not one. */
    public record Read(List<ProxyServer> proxies, List<String> problems) {}

    private ProxyFile() {}

    public static Read read(Path file) throws IOException {
        List<ProxyServer> proxies = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (proxies.size() == MAX) {
                problems.add(file + ":" + (i + 1) + ": more than " + MAX + " proxies; the rest are not read");
                break;
            }
            try {
                proxies.add(ProxyServer.parse(line));
            } catch (IllegalArgumentException e) {
                problems.add(file + ":" + (i + 1) + ": " + ControlChars.escape(e.getMessage()));
            }
        }
        return new Read(proxies, problems);
    }
}
