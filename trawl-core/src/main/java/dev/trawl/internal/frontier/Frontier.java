package dev.trawl.internal.frontier;

import java.util.List;

/**
 * The crawl's queue of URLs still to fetch (DESIGN.md, data flow step 1). The engine polls it
 * without blocking and never asks what is behind it, so a store-backed or distributed frontier
 * can replace the embedded one. URLs found during the crawl (sitemap entries, followed links) are
 * offered back to it; it takes each canonical URL once.
 */
public interface Frontier extends AutoCloseable {

    /** The next request ready to be scheduled, or null when none is available right now. */
    CrawlRequest poll();

    /**
     * Offers a URL found during the crawl; each canonical URL is taken once, a repeat dropped.
     * Thread-safe: called from many request threads at once; may wait while the frontier is full.
     */
    void offer(CrawlRequest request);

    /** A polled request will be attempted again later (a durable frontier records the retries used). */
    default void retrying(CrawlRequest request) {}

    /** A polled site seed has become its sitemaps, now offered: it needs no outcome of its own. */
    default void expanded(CrawlRequest site) {}

    /** True once no request will ever be returned again (unless one is offered). */
    boolean exhausted();

    /** Lines naming seed lists that could not be read to their end (their remaining seeds were never read). */
    default List<String> seedsLost() {
        return List.of();
    }

    /** Requests it holds now, not yet polled. */
    long queued();

    /**
     * Requests it has taken in all, including those already polled, when it knows more than it holds
     * in memory (a store counts them); -1 when it does not.
     */
    default long taken() {
        return -1;
    }

    /** Stops producing requests and releases resources. */
    @Override
    void close();
}
