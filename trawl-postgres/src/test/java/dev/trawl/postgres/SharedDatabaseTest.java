package dev.trawl.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.crawl.Crawl;
import dev.trawl.CrawlBuilder;
import dev.trawl.crawl.CrawlSummary;
import dev.trawl.crawl.Seeds;
import dev.trawl.Trawl;
import dev.trawl.demoshop.DemoShop;
import dev.trawl.store.CrawlStore;
import dev.trawl.store.Run;
import dev.trawl.store.RunCounts;
import dev.trawl.store.StoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Several crawl processes on one database (each store here has its own pool and sessions, as a process would):
 * different jobs crawl at the same time, a second one on the same job is refused.
 */
@Timeout(120)
class SharedDatabaseTest {
    private static final String SHOP = "127.0.0.42";

    @Test
    void twoStoresOnTwoJobsCrawlIntoOneDatabaseAtTheSameTime() throws Exception {
        String url = TestPostgres.get().newSchemaUrl();
        try (DemoShop shop = DemoShop.builder().address(SHOP).products(200).latency(Duration.ofMillis(5)).start();
             PostgresCrawlStore a = PostgresCrawlStore.open(url); PostgresCrawlStore b = PostgresCrawlStore.open(url)) {
            CrawlBuilder crawl = Trawl.crawl().seeds(Seeds.sites(List.of(shop.baseUri().toString()))).concurrency(4)
                    .perHost(4, Duration.ZERO);
            CrawlSummary sa;
            CrawlSummary sb;
            try (Crawl ca = crawl.store(a).job("north").start(); Crawl cb = crawl.store(b).job("south").start()) {
                sa = ca.await();
                sb = cb.await();
            }
            assertFalse(sa.stoppedEarly() || sb.stoppedEarly());
            assertNotEquals(sa.run().id(), sb.run().id());
            List<Run> runs = a.runs();
            assertEquals(List.of("north", "south"), runs.stream().map(Run::job).sorted().toList());
            Run north = runs.stream().filter(r -> r.job().equals("north")).findFirst().orElseThrow();
            Run south = runs.stream().filter(r -> r.job().equals("south")).findFirst().orElseThrow();
            assertTrue(north.startedAt().isBefore(south.finishedAt()) && south.startedAt().isBefore(north.finishedAt()),
                    "the two crawls overlapped: " + runs);
            List<String> expected = sorted(expectedLines(shop));
            for (Run r : runs) {
                RunCounts counts = a.counts(r.id());
                assertEquals(0, counts.pending(), r.job() + ": every URL has its outcome");
                assertEquals(200, counts.products(), r.job());
                assertEquals(expected, sorted(lines(b, r.id())), r.job() + ": exactly the catalogue, once");
            }
        }
    }

    @Test
    void aSecondStoreOnTheSameJobIsRefusedUntilTheRunFinishesOrTheFirstCloses() throws Exception {
        String url = TestPostgres.get().newSchemaUrl();
        try (DemoShop shop = DemoShop.builder().address(SHOP).products(20).start();
             PostgresCrawlStore first = PostgresCrawlStore.open(url); PostgresCrawlStore second = PostgresCrawlStore.open(url)) {
            Run held = first.begin("daily");
            StoreException e = assertThrows(StoreException.class, () -> second.begin("daily"));
            assertTrue(e.getMessage().contains(": job 'daily' is being crawled by another trawl process (trawl pid "
                    + ProcessHandle.current().pid() + " on "), e.getMessage());
            assertTrue(e.getMessage().endsWith("): wait for it to end, or use another job"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
            assertNotEquals(held.id(), second.begin("weekly").id(), "another job is free");

            StoreException viaCrawl = assertThrows(StoreException.class, () -> Trawl.crawl()
                    .seeds(Seeds.sites(List.of(shop.baseUri().toString()))).store(second).job("daily").start().close());
            assertTrue(viaCrawl.getMessage().contains("job 'daily' is being crawled"), viaCrawl.getMessage());

            CrawlSummary done;
            try (Crawl c = Trawl.crawl().seeds(Seeds.sites(List.of(shop.baseUri().toString()))).store(first).job("daily").start()) {
                done = c.await();
            }
            assertEquals(held.id(), done.run().id(), "the first store's crawl took its own unfinished run");
            Run next = second.begin("daily");
            assertEquals(held.id() + 2, next.id(), "once the run finished, the job is free: its next run");
            assertThrows(StoreException.class, () -> first.begin("daily"), "and now the second store holds it");
        }
        try (PostgresCrawlStore third = PostgresCrawlStore.open(url)) {
            assertTrue(third.begin("daily").resumed(), "closing a store frees its jobs; the unfinished run is resumed");
        }
    }

    private static List<String> expectedLines(DemoShop shop) {
        List<String> lines = new ArrayList<>();
        for (long id = 0; id < shop.catalogue().size(); id++) {
            lines.add(shop.expectedLine(id));
        }
        return lines;
    }

    private static List<String> lines(CrawlStore store, long run) {
        List<String> lines = new ArrayList<>();
        store.productLines(run, line -> {
            int at = line.indexOf(",\"source\":");
            lines.add(at < 0 ? line : line.substring(0, at) + "}");
        });
        return lines;
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }
}
