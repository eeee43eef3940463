package dev.trawl.crawl;

import java.net.URI;

/**
 * Hears a crawl's events as they happen, as OkHttp's EventListener does a call's: on the thread
 * they happen on (a request's virtual thread), so an implementation must be thread-safe, return
 * quickly and never block. Every method does nothing by default.
 */
public interface CrawlEvents {
    /** Hears nothing. */
    CrawlEvents NONE = new CrawlEvents() {};

    /**
     * An attempt goes to the transport, past every politeness gate (caps, per-host delay,
     * Retry-After): {@code nanoTime} is {@link System#nanoTime()} at the moment the host's delay is
     * counted from.
     *
     * @param host the host's key, {@code scheme://host:port}
     */
    default void requestSent(URI url, String host, long nanoTime) {}
}
