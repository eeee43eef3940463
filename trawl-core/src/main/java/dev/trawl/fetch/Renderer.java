package dev.trawl.fetch;

import java.net.URI;
import java.time.Duration;

/**
 * Loads pages in a real browser and gives back the DOM once scripts have built it (DESIGN.md,
 * data flow step 4, for the pages plain HTTP cannot read). Thread-safe: many request virtual
 * threads call {@link #render} at once, each waiting for a tab. Never throws for browser trouble
 * (no browser, a crash, a timeout of the navigation): it returns {@link FetchResult.Error}.
 * A page whose product never appears is not an error: after the settings' timeout it returns the
 * DOM as it is.
 */
public interface Renderer extends AutoCloseable {

    /** Makes a crawl's renderer from its settings; the crawl closes it when it ends. */
    @FunctionalInterface
    interface Factory {
        Renderer create(RenderSettings settings);
    }

    /**
     * Renders {@code url} in a tab kept for its host: navigates, waits until a Product JSON-LD
     * script is attached to the document, or {@code waitFor} (a CSS selector, null for none)
     * matches, up to the settings' timeout, and returns the document's HTML as a
     * {@link FetchResult.Response} (status of the page's own response, {@code text/html} UTF-8).
     */
    FetchResult render(URI url, String waitFor);

    /**
     * Renders {@code url} as {@link #render(URI, String)} does, in {@code session}: a renderer that
     * {@link #keepsSessions() keeps sessions} renders it in a tab and browser context of that
     * session's own (its {@link RequestSession#id() id} and host), sends the session's
     * {@link RequestSession#cookie() cookies} with the page's requests and goes through its
     * {@link RequestSession#proxy() proxy}; the {@link FetchResult.Response}'s {@code setCookies}
     * then holds the cookies the page set or changed (by {@code Set-Cookie} or script), as
     * {@code Set-Cookie} values with their Domain, Path, Expires, Secure and HttpOnly as the browser
     * holds them, for the session to keep as it keeps a fetch's. A proxy the browser cannot use is
     * a {@link FetchResult.Error} of reason {@code PROXY}.
     *
     * <p>By default the session is ignored (the page is rendered as without one, directly, with no
     * cookie given or returned): a caller that needs it honoured checks {@link #keepsSessions()}.
     *
     * @param session the session the page is read in; null for none (the same as {@link #render(URI, String)})
     */
    default FetchResult render(URI url, String waitFor, RequestSession session) {
        return render(url, waitFor);
    }

    /**
     * Whether {@link #render(URI, String, RequestSession)} honours its session (cookies both ways,
     * the proxy); false by default, when the session is ignored.
     */
    default boolean keepsSessions() {
        return false;
    }

    /** How many times the browser was started again (after a crash, a memory cap, or its page budget). */
    long restarts();

    /** CPU time the browser's processes have used so far, over all its starts. */
    Duration browserCpu();

    @Override
    void close();
}
