package dev.trawl.internal.store;

import dev.trawl.store.contract.CrawlStoreContract;

import dev.trawl.Stores;
import dev.trawl.store.CrawlStore;
import dev.trawl.store.StoreException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.Trawl;
import dev.trawl.crawl.CrawlSummary;
import dev.trawl.crawl.Seeds;
import dev.trawl.demoshop.DemoShop;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
    void aFullDiskIsNamedAsSuchAndTheCrawlStopsResumable() throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        try (DemoShop shop = DemoShop.builder().address(shopAddress()).products(400).start();
             SqliteCrawlStore store = (SqliteCrawlStore) newStore()) {
            // SQLite's page cap on the writer's connection stands for a disk with room for a few more pages.
            store.write(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA page_count")) {
                    rs.next();
                    s.execute("PRAGMA max_page_count = " + (rs.getLong(1) + 4));
                }
                return null;
            });
            CrawlSummary s = crawl(Trawl.crawl().seeds(Seeds.urls(productUrls(shop))).store(store).warnings(warnings::add));
            assertTrue(s.stoppedEarly(), "the crawl stops when its store cannot be written");
            String line = warnings.stream().filter(w -> w.startsWith("cannot write the crawl store")).findFirst().orElseThrow(
                    () -> new AssertionError("no store warning in " + warnings));
            assertTrue(line.contains(file + ": disk full"), line);
            assertFalse(line.contains("rollback"), line);
            store.close();
            try (CrawlStore again = reopen()) { // room on the disk again: the run resumes from its last commit
                CrawlSummary resumed = crawl(Trawl.crawl().seeds(Seeds.urls(productUrls(shop))).store(again));
                assertEquals(s.run().id(), resumed.run().id());
                assertEquals(400, again.counts(s.run().id()).products());
            }
        }
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
