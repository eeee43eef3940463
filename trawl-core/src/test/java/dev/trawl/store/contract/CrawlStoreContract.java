package dev.trawl.store.contract;



import dev.trawl.store.CrawlStore;
import dev.trawl.store.ProductChange;
import dev.trawl.store.RunCounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.crawl.Crawl;
import dev.trawl.CrawlBuilder;
import dev.trawl.crawl.CrawlProgress;
import dev.trawl.crawl.CrawlSummary;
import dev.trawl.crawl.Seeds;
import dev.trawl.Trawl;
import dev.trawl.demoshop.CatalogueProduct;
import dev.trawl.demoshop.DemoShop;
import dev.trawl.internal.output.ProductLines;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link CrawlStore} must do, shown by crawls of the real demo shop over loopback.
 * A store module runs these by extending this class with its own way to make a fresh store.
 */
@Timeout(120)
public abstract class CrawlStoreContract {

    /** A new, empty store; the test closes it. */
    protected abstract CrawlStore newStore() throws Exception;

    /** The store last made by {@link #newStore()}, opened again after it was closed. */
    protected abstract CrawlStore reopen() throws Exception;

    /** A loopback address for this class's shops, apart from other test classes' (e.g. {@code 127.0.0.31}). */
    protected abstract String shopAddress();

    protected static List<String> productUrls(DemoShop shop) {
        List<String> urls = new ArrayList<>();
        for (long id = 0; id < shop.catalogue().size(); id++) {
            urls.add(shop.baseUri().resolve(shop.catalogue().product(id).path()).toString());
        }
        return urls;
    }

    protected static CrawlSummary crawl(CrawlBuilder builder) throws InterruptedException {
        try (Crawl crawl = builder.start()) {
            return crawl.await();
        }
    }

    /** A product line without what depends on the fetch (source, time, status): the shop's expected line. */
    protected static String withoutCrawlFields(String line) {
        int at = line.indexOf(",\"source\":");
        return at < 0 ? line : line.substring(0, at) + "}";
    }

    protected static List<String> lines(CrawlStore store, long run) {
        List<String> lines = new ArrayList<>();
        store.productLines(run, line -> lines.add(withoutCrawlFields(line)));
        return lines;
    }

    protected static List<String> expectedLines(DemoShop shop) {
        List<String> lines = new ArrayList<>();
        for (long id = 0; id < shop.catalogue().size(); id++) {
            lines.add(shop.expectedLine(id));
        }
        return lines;
    }

    @Test
    void aCrawlKeepsEveryProductOnceWithEveryUrlsOutcome() throws Exception {
        try (DemoShop shop = DemoShop.builder().address(shopAddress()).products(150).start();
             CrawlStore store = newStore()) {
            CrawlSummary s = crawl(Trawl.crawl().seeds(Seeds.sites(List.of(shop.baseUri().toString()))).store(store).concurrency(16));
            assertFalse(s.stoppedEarly());
            RunCounts counts = store.counts(s.run().id());
            assertEquals(0, counts.pending(), "every URL has its outcome");
            assertEquals(150, counts.products());
            assertEquals(expectedLines(shop).stream().sorted().toList(), lines(store, s.run().id()).stream().sorted().toList());
            assertTrue(store.runs().getFirst().finished());
        }
    }

    @Test
    void aProductShownOnTwoUrlsIsExportedOnceAsTheFirstPageGaveIt() throws Exception {
        try (DemoShop shop = DemoShop.builder().address(shopAddress()).products(5).start();
             CrawlStore store = newStore()) {
            String one = shop.baseUri().resolve(shop.catalogue().product(1).path()).toString();
            List<String> seeds = List.of(one, one + "?ref=mail", one + "?ref=feed",
                    shop.baseUri().resolve(shop.catalogue().product(2).path()).toString());
            // One at a time, so the first URL's page is the first written.
            CrawlSummary s = crawl(Trawl.crawl().seeds(Seeds.urls(seeds)).obeyRobots(false).store(store).concurrency(1));
            RunCounts counts = store.counts(s.run().id());
            assertEquals(4, counts.done(), "each URL keeps its outcome");
            List<String> exported = new ArrayList<>();
            store.productLines(s.run().id(), exported::add);
            assertEquals(2, exported.size(), exported.toString());
            assertEquals(List.of(shop.expectedLine(1), shop.expectedLine(2)), 
                    exported.stream().map(CrawlStoreContract::withoutCrawlFields).toList());
        }
    }

    @Test
    void progressCountsTheRequestsWaitingInTheStoreNotOnlyThoseInMemory() throws Exception {
        // 2,000 sitemap entries go to the store while only a page of 100 is held in memory; the progress
        // line's "known" (and so its ETA) must count them all long before the crawl gets to them.
        try (DemoShop shop = DemoShop.builder().address(shopAddress()).products(2000).latency(Duration.ofMillis(5)).start();
             CrawlStore store = newStore();
             Crawl crawl = Trawl.crawl().seeds(Seeds.sites(List.of(shop.baseUri().toString()))).store(store).buffer(100)
                     .concurrency(4).start()) {
            long knownEarly = 0;
            for (CrawlProgress p = crawl.progress(); p.counts().finished() <= 1000; p = crawl.progress()) {
                knownEarly = Math.max(knownEarly, p.known());
                Thread.sleep(5);
            }
            assertTrue(knownEarly >= 2000, "known before half the pages were done: " + knownEarly);
            CrawlSummary s = crawl.await();
            assertEquals(2000, store.counts(s.run().id()).products());
            assertEquals(s.counts().finished(), crawl.progress().known(), "at the end, known is what has an outcome");
        }
    }

    @Test
    void aStoppedCrawlIsResumedAndNoFinishedPageIsFetchedAgain() throws Exception {
        try (DemoShop shop = DemoShop.builder().address(shopAddress()).products(300).latency(Duration.ofMillis(10)).start()) {
            CrawlBuilder builder = Trawl.crawl().seeds(Seeds.urls(productUrls(shop))).concurrency(8).perHost(8, Duration.ZERO);
            long run;
            RunCounts stopped;
            try (CrawlStore store = newStore(); Crawl crawl = builder.store(store).start()) {
                while (crawl.progress().counts().done() < 100) {
                    Thread.sleep(5);
                }
                crawl.close();
                CrawlSummary s = crawl.await();
                assertTrue(s.stoppedEarly());
                run = s.run().id();
                stopped = store.counts(run);
            }
            assertTrue(stopped.done() >= 100 && stopped.pending() > 0, "stopped part-way: " + stopped);
            assertEquals(300, stopped.done() + stopped.pending());
            shop.resetCounters();
            try (CrawlStore store = reopen()) {
                CrawlSummary s = crawl(builder.store(store));
                assertEquals(run, s.run().id(), "the unfinished run is resumed");
                assertTrue(s.run().resumed());
                assertEquals(stopped.pending(), productRequests(shop), "exactly the pages without an outcome are fetched");
                RunCounts done = store.counts(run);
                assertEquals(new RunCounts(0, 300, 0, 0, 300), done);
                assertEquals(expectedLines(shop).stream().sorted().toList(), lines(store, run).stream().sorted().toList());
            }
        }
    }

    private static long productRequests(DemoShop shop) {
        long n = 0;
        for (long id = 0; id < shop.catalogue().size(); id++) {
            n += shop.requestsFor(shop.catalogue().product(id).path());
        }
        return n;
    }

    @Test
    void theNextRunOfAJobIsNewAndItsDiffShowsTheDayTwoPriceChangesExactly() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<CatalogueProduct> day1 = new ArrayList<>();
        List<CatalogueProduct> day2 = new ArrayList<>();
        long notModified = 0;
        try (CrawlStore store = newStore()) {
            long[] runs = new long[2];
            for (int day = 1; day <= 2; day++) {
                try (DemoShop shop = DemoShop.builder().address(shopAddress()).port(port).products(200).day(day).start()) {
                    CrawlSummary s = crawl(Trawl.crawl().seeds(Seeds.sites(List.of(shop.baseUri().toString()))).store(store)
                            .job("daily"));
                    runs[day - 1] = s.run().id();
                    notModified = shop.counters().notModified();
                    for (long id = 0; id < 200; id++) {
                        (day == 1 ? day1 : day2).add(shop.catalogue().product(id));
                    }
                }
            }
            assertEquals(runs[0] + 1, runs[1], "a finished run is followed by a new one");
            Map<String, String> expected = new TreeMap<>();
            for (int i = 0; i < 200; i++) {
                CatalogueProduct a = day1.get(i);
                CatalogueProduct b = day2.get(i);
                boolean price = a.price().compareTo(b.price()) != 0;
                boolean availability = !Objects.equals(a.availabilityTerm(), b.availabilityTerm());
                if (price || availability) {
                    expected.put("sku:" + b.sku(), (price && availability ? "price,availability" : price ? "price" : "availability")
                            + " " + a.price() + " -> " + b.price() + " " + a.availabilityTerm() + " -> " + b.availabilityTerm());
                }
            }
            assertTrue(expected.size() > 20, "the shop changes prices between days: " + expected.size());
            Map<String, String> actual = new TreeMap<>();
            List<ProductChange> changes = new ArrayList<>();
            store.diff(runs[0], runs[1], changes::add);
            for (ProductChange c : changes) {
                actual.put(c.key(), c.change() + " " + c.oldPrice() + " -> " + c.newPrice() + " " + c.oldAvailability() + " -> "
                        + c.newAvailability());
            }
            assertEquals(expected, actual);
            ProductChange first = changes.stream().filter(c -> c.change().price()).findFirst().orElseThrow();
            assertEquals(first.newPrice().subtract(first.oldPrice()).multiply(BigDecimal.valueOf(100))
                    .divide(first.oldPrice(), 2, java.math.RoundingMode.HALF_EVEN), first.percent());
            RunCounts second = store.counts(runs[1]);
            assertTrue(notModified > 100, "unchanged pages were requested with the first run's validators: " + notModified);
            assertEquals(notModified, second.unchanged(), "each 304 is counted as unchanged");
            assertEquals(200, second.products(), "a 304 keeps the last run's products");
        }
    }

    @Test
    void exportsStreamTheRunsProductsAsJsonLinesAndCsv() throws Exception {
        try (DemoShop shop = DemoShop.builder().address(shopAddress()).products(40).start(); CrawlStore store = newStore()) {
            long run = crawl(Trawl.crawl().seeds(Seeds.urls(productUrls(shop))).store(store)).run().id();
            ByteArrayOutputStream jsonl = new ByteArrayOutputStream();
            assertEquals(40, export(store, run, "jsonl", jsonl));
            List<String> exported = jsonl.toString(StandardCharsets.UTF_8).lines().map(CrawlStoreContract::withoutCrawlFields).toList();
            assertEquals(expectedLines(shop), exported, "in the order the pages entered the frontier");
            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            assertEquals(40, export(store, run, "csv", csv));
            List<String> rows = csv.toString(StandardCharsets.UTF_8).lines().toList();
            assertEquals(41, rows.size());
            assertTrue(rows.getFirst().startsWith("url,canonical_url,name,brand,sku,gtin,mpn,price,currency,"), rows.getFirst());
            CatalogueProduct first = shop.catalogue().product(0);
            assertTrue(rows.get(1).contains("," + first.sku() + ",") && rows.get(1).contains("," + first.price().toPlainString() + ","),
                    rows.get(1));
        }
    }

    private static long export(CrawlStore store, long run, String format, ByteArrayOutputStream out) throws java.io.IOException {
        ProductLines.Export export = ProductLines.export(format, out);
        store.productLines(run, export);
        return export.finish();
    }

    @Test
    void aSeedThatIsNoUrlGetsOneFailedRow() throws Exception {
        try (DemoShop shop = DemoShop.builder().address(shopAddress()).products(3).start(); CrawlStore store = newStore()) {
            List<String> seeds = new ArrayList<>(productUrls(shop));
            seeds.add("not a url");
            CrawlSummary s = crawl(Trawl.crawl().seeds(Seeds.urls(seeds)).store(store).warnings(w -> {}));
            assertEquals(new RunCounts(0, 3, 1, 0, 3), store.counts(s.run().id()));
        }
    }
}
