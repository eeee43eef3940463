package dev.trawl.cli;

import dev.trawl.CrawlBuilder;
import dev.trawl.fetch.ProxyServer;
import dev.trawl.fetch.RenderMode;
import dev.trawl.fetch.RenderSettings;
import dev.trawl.internal.text.ControlChars;
import dev.trawl.render.ChromiumRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code --render} flags: which mode, with which browser. By default pages are rendered
 * {@code auto} when Chromium is installed and {@code never} when it is not (the summary then
 * counts the pages that looked as if they needed it); a mode that needs a browser and finds
 * none is one line saying what to install. The browser goes through the proxies of the crawl's
 * sessions, but Chromium takes no password for SOCKS5: with such a proxy, pages are not rendered.
 */
final class Renderers {
    private static final String INSTALL = "install Debian's chromium (apt-get install chromium) or give --render-browser PATH";

    private Renderers() {}

    static void apply(CrawlBuilder builder, String render, Path browser, RenderSettings settings, List<ProxyServer> proxies) {
        RenderMode mode = render == null ? null : mode(render);
        boolean unusable = !proxies.stream().allMatch(ProxyServer::browserCanUse);
        if (mode == RenderMode.NEVER || mode == null && unusable) {
            return; // by default, no rendering where the browser could not go through the crawl's proxies
        }
        if (unusable) {
            throw new UserError("--render " + render + ": Chromium cannot use a SOCKS5 proxy with a password, and the browser must"
                    + " not go direct; use an http:// proxy, or --render never", 2);
        }
        Optional<Path> found = browser != null ? Optional.of(browser).filter(Files::isExecutable) : ChromiumRenderer.findBrowser();
        if (found.isEmpty()) {
            if (mode != null) {
                throw new UserError("--render " + render + ": no Chromium " + (browser != null ? "at " + ControlChars.escape(browser.toString())
                        : "found") + ": " + INSTALL, 2);
            }
            return;
        }
        builder.renderer(ChromiumRenderer.factory(), new RenderSettings(found.get(), settings.tabs(), settings.timeout(),
                settings.restartAfter(), settings.memoryCapBytes(), settings.blockResources(), null))
                .render(mode == null ? RenderMode.AUTO : mode);
    }

    private static RenderMode mode(String render) {
        for (RenderMode m : RenderMode.values()) {
            if (m.name().equals(render.toUpperCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new UserError("--render: '" + ControlChars.escape(render) + "' is not one of never, auto, always", 2);
    }
}
