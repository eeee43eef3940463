package dev.trawl.store;

import dev.trawl.internal.store.Lane;
import dev.trawl.internal.store.Pending;
import dev.trawl.internal.store.SqliteCrawlStore;
import dev.trawl.internal.store.StoreBatch;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where a crawl keeps its state so that it survives the process (DESIGN.md, invariants 1, 2 and
 * 4): the frontier (every request with its state, retries used, next attempt and depth), each
 * URL's terminal outcome, the products, and the runs. A crawl writes to it from one platform
 * thread only (the store writer), in {@link StoreBatch}es that commit all or nothing; a
 * request's products and its outcome are always in the same batch.
 *
 * <p>Implementations: {@link #sqlite(Path)}, the embedded default; PostgreSQL in {@code trawl-postgres}.
 */
public interface CrawlStore extends AutoCloseable {

    /**
     * An SQLite store in one file (created if absent), locked against a second process for as
     * long as it is open.
     *
     * @throws StoreException when another process holds it, or it cannot be created or read
     */
    static CrawlStore sqlite(Path file) {
        return SqliteCrawlStore.open(file, true);
    }

    /** An existing SQLite store opened to read (exports, diffs), also while a crawl writes to it. */
    static CrawlStore sqliteReadOnly(Path file) {
        return SqliteCrawlStore.open(file, false);
    }

    /** The store's location, for messages. */
    String describe();

    /** The job's unfinished run, resumed, or else a new run. */
    Run begin(String job);

    /** Applies a batch in one transaction. */
    void commit(StoreBatch batch);

    /**
     * Up to {@code limit} requests of {@code run} on {@code lane} still without an outcome and
     * with an id above {@code afterId}, in id order; each carries the validators the job's last
     * finished run saw for its URL.
     */
    List<Pending> pending(long run, Lane lane, long afterId, int limit);

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
