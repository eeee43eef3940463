package dev.trawl.cli;

import dev.trawl.demoshop.DemoShop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code trawl} in JVMs of their own, as a user runs it, for tests that kill, signal or race processes. */
final class ChildCrawls {
    private ChildCrawls() {}

    /** Starts {@code trawl args...}; its standard output and error go to {@code dir/name.out} and {@code dir/name.err}. */
    static Process start(Path dir, String name, List<String> args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), "dev.trawl.cli.Main"));
        command.addAll(args);
        return new ProcessBuilder(command)
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile())
                .start();
    }

    /** A file listing every product page of the shop's catalogue. */
    static Path urlFile(DemoShop shop, Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        for (long id = 0; id < shop.catalogue().size(); id++) {
            text.append(shop.baseUri().resolve(shop.catalogue().product(id).path())).append('\n');
        }
        return Files.writeString(file, text);
    }
}
