package dev.trawl.internal.store;

import dev.trawl.store.contract.CrawlStoreContract;

import dev.trawl.Stores;
import dev.trawl.store.CrawlStore;
import dev.trawl.store.StoreException;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteCrawlStoreTest extends CrawlStoreContract {
    @TempDir
    Path dir;
    private Path file;

    @Override
    protected CrawlStore newStore() {
        file = dir.resolve("crawl-" + System.nanoTime() + ".db");
        return Stores.sqlite(file);
    }

    @Override
    protected CrawlStore reopen() {
        return Stores.sqlite(file);
    }

    @Override
    protected String shopAddress() {
        return "127.0.0.31";
    }

    @Test
    void aSecondWriterIsRefusedWithAClearMessage() {
        try (CrawlStore first = newStore()) {
            StoreException e = assertThrows(StoreException.class, () -> Stores.sqlite(file));
            assertTrue(e.getMessage().contains(file + " is in use by another trawl process (pid " + ProcessHandle.current().pid() + ")")
                    || e.getMessage().contains("already open in this process"), e.getMessage());
        }
        Stores.sqlite(file).close(); // free again once closed
    }
}
