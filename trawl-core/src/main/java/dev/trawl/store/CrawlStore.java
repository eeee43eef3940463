package dev.trawl.store;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where a crawl keeps its state so that it survives the process (DESIGN.md, invariants 1, 2 and
 * 4): the frontier (every request with its state, retries used, next attempt and depth), each
 * URL's terminal outcome, the products, and the runs. A crawl writes to it from one platform
 * thread only (the store writer), a request's products and its outcome in one transaction; this
 * interface is what a user reads back. Open one with {@code Stores.sqlite(Path)} (the embedded
 * default) or {@code PostgresCrawlStore.open(url)} from {@code trawl-postgres}.
 */
public interface CrawlStore extends AutoCloseable {

    /** The store's location, for messages (never with a password). */
    String describe();

    /** Every run, oldest first. */
    List<Run> runs();

    /** Counts of a run's requests and products. */
    RunCounts counts(long run);

    /** A run's products as JSON lines, in the order their pages entered the frontier. */
    void productLines(long run, Consumer<String> line);

    /** How the products of run {@code to} differ from those of run {@code from}, ordered by site and key. */
    void diff(long from, long to, Consumer<ProductChange> change);

    @Override
    void close();
}
