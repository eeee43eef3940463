package dev.trawl.internal.frontier;

import java.util.List;

/**
 * What a {@link StoreFrontier} needs of the crawl's store writer, and nothing more: the writes
 * that change the frontier's rows, queued in order with every other write of the crawl, and a
 * way to ask for the next page of rows. The writer answers by calling {@link StoreFrontier#committed}
 * and {@link StoreFrontier#load} on its own thread.
 */
public interface StorePort {

    /** A request enters the frontier (a repeat of a canonical URL is dropped as the batch commits); may wait for room. */
    void insert(CrawlRequest request);

    /** A request will be attempted again, not before {@code notBeforeMillis} (epoch). */
    void retrying(CrawlRequest request, long notBeforeMillis);

    /** A site seed has become its sitemaps: its row ends, with no result of its own. */
    void expanded(CrawlRequest site);

    /** Every seed is among the rows written. */
    void seedsRead();

    /** Asks for the next page of rows without waiting (the caller may hold the engine's lock). */
    void wantLoad();

    /**
     * Requests this crawl has in the store: those pending when it began plus those committed since
     * (site seeds aside); -1 until the store has answered.
     */
    long requests();

    /** Reads pending rows of the crawl's run, on the writer thread. */
    @FunctionalInterface
    interface Rows {
        /** Up to {@code limit} rows of {@code lane} still without an outcome, with an id above {@code afterId}, in id order. */
        List<Pending> pending(Lane lane, long afterId, int limit);
    }
}
