package dev.trawl;

import dev.trawl.internal.store.SqliteCrawlStore;
import dev.trawl.store.CrawlStore;
import dev.trawl.store.StoreException;
import java.nio.file.Path;

/** The crawl stores of trawl-core, for {@link CrawlBuilder#store(CrawlStore)}; PostgreSQL is in {@code trawl-postgres}. */
public final class Stores {
    private Stores() {}

    /**
     * An SQLite store in one file (created if absent), locked against a second process for as
     * long as it is open.
     *
     * @throws StoreException when another process holds it, or it cannot be created or read
     */
    public static CrawlStore sqlite(Path file) {
        return SqliteCrawlStore.open(file, true);
    }

    /** An existing SQLite store opened to read (exports, diffs), also while a crawl writes to it. */
    public static CrawlStore sqliteReadOnly(Path file) {
        return SqliteCrawlStore.open(file, false);
    }
}
