package dev.trawl.frontier;

/**
 * The crawl's queue of URLs still to fetch. The engine polls it without blocking and never asks
 * what is behind it, so a store-backed or distributed frontier can replace the embedded one.
 */
public interface Frontier extends AutoCloseable {

    /** The next request ready to be scheduled, or null when none is available right now. */
    CrawlRequest poll();

    /** True once no request will ever be returned again. */
    boolean exhausted();

    /** Stops producing requests and releases resources. */
    @Override
    void close();
}
