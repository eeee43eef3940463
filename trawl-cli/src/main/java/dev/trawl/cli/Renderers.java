package dev.trawl.cli;

import dev.trawl.CrawlBuilder;
import dev.trawl.fetch.RenderMode;
import dev.trawl.fetch.RenderSettings;
import dev.trawl.internal.text.ControlChars;
import dev.trawl.render.ChromiumRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code --render} flags: which mode, with which browser. By default pages are rendered
 * {@code auto} when Chromium is installed and {@code never} when it is not (the summary then
 * counts the pages that looked as if they needed it); a mode that needs a browser and finds
 * none is one line saying what to install. The browser does not go through trawl's proxies yet:
 * with proxies, pages are not rendered.
 */
final class Renderers {
    private static final String INSTALL = "install Debian's chromium (apt-get install chromium) or give --render-browser PATH";

    private Renderers() {}

    static void apply(CrawlBuilder builder, String render, Path browser, RenderSettings settings, boolean proxied) {
        RenderMode mode = render == null ? null : mode(render);
        if (mode == RenderMode.NEVER || mode == null && proxied) {
            return; // the browser does not go through proxies yet: by default, no rendering with them
        }
        if (proxied) {
            throw new UserError("--render " + render + " with --proxy: the browser does not go through trawl's proxies yet, it would"
                    + " reach the shops from this machine's address; use --render never", 2);
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
