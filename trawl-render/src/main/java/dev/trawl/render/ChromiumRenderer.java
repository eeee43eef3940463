package dev.trawl.render;

import dev.trawl.fetch.FetchResult;
import dev.trawl.fetch.RenderSettings;
import dev.trawl.fetch.Renderer;
import dev.trawl.render.internal.RenderPool;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link Renderer} on headless Chromium (Debian's {@code chromium} package), driven over the
 * Chrome DevTools Protocol by a small client of trawl's own on the JDK's WebSocket.
 *
 * <p>One browser per renderer, started on the first page (not here), and again after
 * {@link RenderSettings#restartAfter()} pages, when it crashed (the page in hand is retried once),
 * or when its processes' resident memory (PSS) passes {@link RenderSettings#memoryCapBytes()}. At most
 * {@link RenderSettings#tabs()} pages at once; a tab keeps to one host (scheme, host, port) in a
 * browser context of its own, so no cookie or storage crosses from one shop to another, and serves
 * up to 100 of its pages; it is closed after any error. The browser's processes are started,
 * sampled and killed on a platform thread of the renderer's own, never on the caller's thread.
 */
public final class ChromiumRenderer implements Renderer {

    /** Where Debian's package puts the browser, then its wrapper script. */
    private static final List<Path> KNOWN = List.of(Path.of("/usr/lib/chromium/chromium"), Path.of("/usr/bin/chromium"));

    private final RenderPool pool;

    /**
     * A renderer with these settings; nothing starts until the first {@link #render}.
     *
     * @throws IllegalArgumentException naming the setting that is out of range
     */
    public ChromiumRenderer(RenderSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (settings.browser() == null) {
            throw new IllegalArgumentException("browser: the Chromium executable is required (see ChromiumRenderer.findBrowser())");
        }
        if (settings.tabs() < 1) {
            throw new IllegalArgumentException("tabs must be at least 1, was " + settings.tabs());
        }
        if (settings.timeout() == null || settings.timeout().isNegative() || settings.timeout().isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + settings.timeout());
        }
        if (settings.restartAfter() < 1) {
            throw new IllegalArgumentException("restartAfter must be at least 1, was " + settings.restartAfter());
        }
        if (settings.memoryCapBytes() < 1) {
            throw new IllegalArgumentException("memoryCapBytes must be positive, was " + settings.memoryCapBytes());
        }
        this.pool = new RenderPool(settings);
    }

    /** The factory a crawl is given: {@code ChromiumRenderer::new}. */
    public static Renderer.Factory factory() {
        return ChromiumRenderer::new;
    }

    /**
     * The Chromium executable of this machine: {@code /usr/lib/chromium/chromium},
     * {@code /usr/bin/chromium}, else {@code chromium} (or {@code chromium-browser}) on the PATH;
     * empty when there is none (install Debian's {@code chromium} package). Looks at files: call it
     * once, when a crawl is configured.
     */
    public static Optional<Path> findBrowser() {
        for (Path known : KNOWN) {
            if (Files.isExecutable(known)) {
                return Optional.of(known);
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                for (String name : List.of("chromium", "chromium-browser")) {
                    if (!dir.isEmpty()) {
                        Path candidate = Path.of(dir, name);
                        if (Files.isExecutable(candidate)) {
                            return Optional.of(candidate);
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public FetchResult render(URI url, String waitFor) {
        return pool.render(url, waitFor);
    }

    @Override
    public long restarts() {
        return pool.restarts();
    }

    @Override
    public Duration browserCpu() {
        return pool.browserCpu();
    }

    /**
     * Resident memory of the browser's processes at the last sample (every 2 s), the figure the
     * memory cap is held to: their PSS, in which the pages they share are divided among them.
     */
    public long browserMemoryBytes() {
        return pool.residentBytes();
    }

    /** Kills the browser's whole process tree and deletes its profile directory; waits for it. */
    @Override
    public void close() {
        pool.close();
    }
}
