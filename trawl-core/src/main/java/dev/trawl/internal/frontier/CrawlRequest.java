package dev.trawl.internal.frontier;

import dev.trawl.internal.runtime.Ticks;

import dev.trawl.fetch.Validators;
import java.net.URI;

/**
 * One URL on its way through the crawl. Immutable: a retry or a redirect hop is a new value.
 *
 * @param seedUrl   the URL as it entered the frontier; its terminal outcome is recorded against it
 * @param source    where it came from, e.g. {@code urls.txt:12} or the page or sitemap that linked it
 * @param url       the URL to request now (differs from seedUrl after a redirect)
 * @param host      the politeness key of {@code url}: scheme://host:port
 * @param kind      what the request is for
 * @param depth     link hops from a start page (0 for seeds and sitemap URLs)
 * @param attempts  attempts already made (0 for a fresh request)
 * @param redirects redirect hops already followed
 * @param notBefore earliest {@link Ticks#now()} at which this request may start (0: now)
 * @param validators what the last crawl saw of this URL's version, sent as a conditional request
 * @param session   the session its last attempt went out in, kept through redirects so a cookie set by one hop
 *                  goes with the next; null before the first attempt (never stored: a resumed crawl starts new sessions)
 * @param render    whether this attempt loads the page in the browser instead of fetching it
 */
public record CrawlRequest(URI seedUrl, String source, URI url, String host, RequestKind kind, int depth, int attempts,
                           int redirects, long notBefore, Validators validators, String session,
                           boolean render) {

    public CrawlRequest {
        validators = validators == null ? Validators.NONE : validators;
    }

    /** A fresh page request for a valid absolute http(s) URL. */
    public static CrawlRequest of(URI url, String source) {
        return of(url, source, RequestKind.PAGE, 0);
    }

    /** A fresh request for a valid absolute http(s) URL. */
    public static CrawlRequest of(URI url, String source, RequestKind kind, int depth) {
        return new CrawlRequest(url, source, url, HostKey.of(url), kind, depth, 0, 0, 0L, Validators.NONE, null, false);
    }

    /** The same request, to be attempted again no earlier than {@code notBefore}. */
    public CrawlRequest retryAt(long notBefore) {
        return new CrawlRequest(seedUrl, source, url, host, kind, depth, attempts + 1, redirects, notBefore, validators, session,
                render);
    }

    /**
     * The same request, to be attempted again from its first URL in a new session no earlier than
     * {@code notBefore}: after a block, a new session must make the whole way again (a cookie
     * handshake of redirects starts at the first hop).
     */
    public CrawlRequest restartAt(long notBefore) {
        return new CrawlRequest(seedUrl, source, seedUrl, HostKey.of(seedUrl), kind, depth, attempts + 1, redirects, notBefore, validators,
                null, render);
    }

    /**
     * The same attempt from its first URL, when that is on the same host (the slot it holds): a
     * redirect chain whose session retired on the way must make the whole way again in the new
     * one, as a cookie the first hop set is not in it. Otherwise the request as it is.
     */
    public CrawlRequest fromFirstUrlOnSameHost() {
        if (url.equals(seedUrl) || !HostKey.of(seedUrl).equals(host)) {
            return this;
        }
        return new CrawlRequest(seedUrl, source, seedUrl, host, kind, depth, attempts, redirects, notBefore, validators, session, render);
    }

    /** The next hop of a redirect to {@code target}. */
    public CrawlRequest redirectTo(URI target) {
        return new CrawlRequest(seedUrl, source, target, HostKey.of(target), kind, depth, attempts + 1, redirects + 1, 0L,
                Validators.NONE, session, render);
    }

    /** The same request, its attempts from now on in {@code session}. */
    public CrawlRequest inSession(String session) {
        return new CrawlRequest(seedUrl, source, url, host, kind, depth, attempts, redirects, notBefore, validators, session, render);
    }

    /** The same request as read back from a store: with the retries already used, the time it may start, what the last crawl saw. */
    public CrawlRequest resumed(int attemptsUsed, long notBefore, Validators validators) {
        return new CrawlRequest(seedUrl, source, url, host, kind, depth, attemptsUsed, 0, notBefore, validators, null, false);
    }

    /** The same request, loaded in the browser instead of fetched (no attempt of its own yet). */
    public CrawlRequest renderInstead() {
        return new CrawlRequest(seedUrl, source, url, host, kind, depth, attempts, redirects, 0L, validators, session, true);
    }

    /**
     * The same page, loaded in the browser after a fetch that found no product: the request's next
     * attempt, so it counts one of the attempts and of the retries (a page that took all its
     * retries to fetch is not rendered).
     */
    public CrawlRequest renderAfterFetch() {
        return new CrawlRequest(seedUrl, source, url, host, kind, depth, attempts + 1, redirects, 0L, validators, session, true);
    }
}
