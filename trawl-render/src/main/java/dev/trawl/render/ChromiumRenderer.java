package dev.trawl.render;

import dev.trawl.fetch.FetchResult;
import dev.trawl.fetch.RenderSettings;
import dev.trawl.fetch.Renderer;
import dev.trawl.fetch.RequestSession;
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
 * {@link RenderSettings#tabs()} pages at once; a tab keeps to one host (scheme, host, port), or
 * to one session on one host ({@link #render(URI, String, RequestSession)}), in a browser context
 * of its own, so no cookie or storage crosses from one shop or session to another, and serves up
 * to 100 of its pages; it is closed after any error. The browser's processes are started,
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
        return pool.render(url, waitFor, null);
    }

    /**
     * Renders {@code url} in {@code session} (null: as {@link #render(URI, String)}). A session with
     * an {@link RequestSession#id() id} has tabs of its own on each host, each in a browser context of
     * its own (no cookie, storage or connection shared with another session or with the host's
     * tab), closed when the session has not been seen for a minute, or before others when tabs are
     * needed (least recently used first). A session without an id has the host's shared tab, unless
     * it has a proxy: then its tab is the proxy's on that host.
     *
     * <p>Cookies: before the page, the session's {@code Cookie} header's pairs that the context does
     * not hold already are set in it, on the URL's host (host-only) with path {@code /}; the page's
     * document request and sub-requests carry them as the browser's own. After the page, the
     * context's cookies for the URL's host that are new or changed, whether set by a response or a
     * script, come back in the response's {@code setCookies} as Set-Cookie values (Domain only for a
     * domain cookie, Path, Expires unless a session cookie, Secure, HttpOnly, SameSite); one the page
     * deleted comes back with {@code Max-Age=0}.
     *
     * <p>Proxy: the context sends every request through the session's proxy, loopback addresses
     * included ({@code proxyBypassList <-loopback>}). An HTTP proxy's credentials are given when it
     * asks for them (a 407), once a request: refused, the page is a {@link FetchResult.Error} of
     * reason {@code PROXY}, as is a proxy the browser cannot reach; a server's own 401 never gets
     * them. Chromium cannot authenticate to a SOCKS5 proxy: a session whose SOCKS5 proxy has a user
     * is refused at once, {@code PROXY} "the browser cannot use a SOCKS5 proxy with a password",
     * without a request; a SOCKS5 proxy without one works.
     */
    @Override
    public FetchResult render(URI url, String waitFor, RequestSession session) {
        return pool.render(url, waitFor, session);
    }

    /** True: {@link #render(URI, String, RequestSession)} gives and takes the session's cookies and goes through its proxy. */
    @Override
    public boolean keepsSessions() {
        return true;
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
