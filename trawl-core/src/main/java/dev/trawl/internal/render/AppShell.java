package dev.trawl.internal.render;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Whether a page that yielded no product looks built by scripts in the browser: it has scripts,
 * and either a known single-page-app mount point that is empty, or almost no text. A page with
 * plenty of text and no product (a soft block, a category page) is not one: rendering it would
 * cost a browser's CPU for nothing.
 */
public final class AppShell {
    /** Visible text below which a page with scripts reads as an app shell. */
    static final int LITTLE_TEXT = 400;

    /** Mount points of the common front-end frameworks (React, Vue, Next.js, Nuxt, Angular, Svelte). */
    private static final String MOUNTS = "#app, #root, #__next, #__nuxt, #svelte, [ng-app], [ng-version], [data-reactroot], app-root";

    private AppShell() {}

    public static boolean looksRendered(Document page) {
        if (page.selectFirst("script") == null) {
            return false;
        }
        for (Element mount : page.select(MOUNTS)) {
            if (mount.text().isBlank()) {
                return true;
            }
        }
        Element body = page.body();
        return body == null || visibleText(body) < LITTLE_TEXT;
    }

    /** The length of the body's text, scripts and styles aside (jsoup's text() skips neither's data, but counts no script). */
    private static int visibleText(Element body) {
        int n = 0;
        for (Element e : body.getAllElements()) {
            if (!e.tagName().equals("script") && !e.tagName().equals("style") && !e.tagName().equals("noscript")) {
                n += e.ownText().length();
                if (n >= LITTLE_TEXT) {
                    return n;
                }
            }
        }
        return n;
    }
}
