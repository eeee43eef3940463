package dev.trawl.fetch;

import java.net.URI;

/**
 * One HTTP exchange (DESIGN.md, data flow step 4), and nothing more: no redirects followed, no
 * retries, no politeness (the engine does those). Implementations are thread-safe, pool
 * connections, enforce the {@link FetchSettings} and never throw for network trouble: they return
 * {@link FetchResult.Error}. Called from many request virtual threads at once.
 */
public interface Transport extends AutoCloseable {

    /**
     * Makes a crawl's transport from the settings the crawl was built with (timeouts, size cap,
     * user agent, pool sizes); the crawl closes it when it ends. {@code Transports} has trawl's own.
     */
    @FunctionalInterface
    interface Factory {
        Transport create(FetchSettings settings);
    }

    /** One GET of {@code url}, its decoded body cut at the settings' size cap. */
    default FetchResult fetch(URI url) {
        return fetch(url, settings().maxBodyBytes());
    }

    /** One GET of {@code url}, its decoded body cut at {@code maxBodyBytes} (a sitemap may be larger than a page). */
    default FetchResult fetch(URI url, long maxBodyBytes) {
        return fetch(url, maxBodyBytes, Validators.NONE);
    }

    /**
     * One conditional GET of {@code url}: as {@link #fetch(URI, long)}, sending
     * {@code If-None-Match} and {@code If-Modified-Since} for the validators present. A
     * {@code 304 Not Modified} comes back as a {@link FetchResult.Response} of status 304 with an
     * empty body, like any other status.
     */
    FetchResult fetch(URI url, long maxBodyBytes, Validators validators);

    /**
     * One conditional GET of {@code url} in a session: as {@link #fetch(URI, long, Validators)},
     * sending the session's {@code Cookie} header and returning the response's {@code Set-Cookie}
     * values, over connections of that session's own where the transport pools them. A transport
     * that does not ({@link #sendsCookies()} false) makes the plain request.
     */
    default FetchResult fetch(URI url, long maxBodyBytes, Validators validators, RequestSession session) {
        return fetch(url, maxBodyBytes, validators);
    }

    /** Whether {@link #fetch(URI, long, Validators, RequestSession)} sends cookies and returns those set. */
    default boolean sendsCookies() {
        return false;
    }

    /** The settings it enforces. */
    FetchSettings settings();

    @Override
    void close();
}
