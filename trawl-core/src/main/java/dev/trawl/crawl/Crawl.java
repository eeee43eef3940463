package dev.trawl.crawl;

import dev.trawl.CrawlBuilder;

/**
 * A running crawl. It runs on its own threads from {@link CrawlBuilder#start()}; {@link #await()}
 * waits for every URL's outcome. {@link #close()} stops it early if it is still running, and
 * returns only when every thread it started has ended.
 */
public interface Crawl extends AutoCloseable {

    /** Waits until every URL has its outcome and every sink is flushed and closed. */
    CrawlSummary await() throws InterruptedException;

    /** Where the crawl stands now: its counters, requests in flight and queued. */
    CrawlProgress progress();

    @Override
    void close();
}
