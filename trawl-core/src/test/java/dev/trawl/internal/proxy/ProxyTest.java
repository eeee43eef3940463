package dev.trawl.internal.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.Trawl;
import dev.trawl.crawl.Crawl;
import dev.trawl.crawl.CrawlSummary;
import dev.trawl.crawl.ProxyCounts;
import dev.trawl.crawl.Seeds;
import dev.trawl.demoshop.DemoShop;
import dev.trawl.fetch.ProxyServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Crawls through real proxy servers (tinyproxy, microsocks) on loopback, each sending from its own address. */
@Timeout(120)
class ProxyTest {
    private static final int PRODUCTS = 200;
    /** The guarded shop of issue 14's tests a and b. */
    private static final int GUARDED = 2000;

    @TempDir
    Path dir;

    private static List<String> urls(DemoShop shop) {
        return urls(shop, PRODUCTS);
    }

    private static List<String> urls(DemoShop shop, int products) {
        List<String> urls = new ArrayList<>();
        for (int id = 0; id < products; id++) {
            urls.add(shop.baseUri().resolve("/p/" + id).toString());
        }
        return urls;
    }

    private static CrawlSummary crawl(dev.trawl.CrawlBuilder builder) throws InterruptedException {
        try (Crawl crawl = builder.start()) {
            return crawl.await();
        }
    }

    @Test
    void everyProductComesThroughTheProxiesTheLoadSpreadOverTheirAddresses() throws Exception {
        try (TestProxies proxies = new TestProxies(dir); DemoShop shop = DemoShop.builder().address("127.0.0.61").products(PRODUCTS).start()) {
            int http = proxies.http("127.0.1.1", "ana", "s3cret");
            int socks = proxies.socks("127.0.1.2", "bob", "p@ss:word");
            List<String> failures = new CopyOnWriteArrayList<>();
            dev.trawl.CrawlBuilder b = (Trawl.crawl().seeds(Seeds.urls(urls(shop))).concurrency(8).obeyRobots(false)
                    .sink(new dev.trawl.output.ResultSink() {
                        @Override
                        public void accept(dev.trawl.crawl.CrawlResult r) {
                            if (r.outcome() instanceof dev.trawl.crawl.Outcome.Failed f) {
                                failures.add(r.rawUrl() + ": " + f.reason().code() + ": " + f.detail());
                            }
                        }

                        @Override
                        public void close() {}
                    })
                    .proxy(ProxyServer.parse("http://ana:s3cret@127.0.0.1:" + http))
                    .proxy(ProxyServer.parse("socks5://bob:p%40ss%3Aword@127.0.0.1:" + socks)));
            CrawlSummary s;
            String metrics;
            try (Crawl crawl = b.start()) {
                s = crawl.await();
                metrics = dev.trawl.internal.stats.PrometheusText.format(crawl.progress());
            }
            assertTrue(metrics.contains("trawl_proxy_requests_total{proxy=\"http://ana:***@127.0.0.1:" + http + "\"}"), metrics);
            assertTrue(metrics.contains("trawl_proxy_requests_total{proxy=\"socks5://bob:***@127.0.0.1:" + socks + "\"}"), metrics);
            assertFalse(metrics.contains("s3cret") || metrics.contains("p@ss") || metrics.contains("p%40ss"), metrics);
            assertEquals(PRODUCTS, s.counts().products(), "failed: " + failures + " " + s.proxies());
            Map<String, Long> clients = shop.requestsByClient();
            assertEquals(java.util.Set.of("127.0.1.1", "127.0.1.2"), clients.keySet(), "no request went direct: " + clients);
            clients.values().forEach(n -> assertTrue(n >= PRODUCTS / 10, "the load is spread: " + clients));
            assertEquals(2, s.proxies().size());
            for (ProxyCounts p : s.proxies()) {
                assertFalse(p.proxy().contains("s3cret") || p.proxy().contains("p@ss") || p.proxy().contains("word"), p.proxy());
                assertEquals("active", p.state());
                assertTrue(p.requests() > 0 && p.errors() == 0, p.toString());
            }
            assertEquals("http://ana:***@127.0.0.1:" + http, s.proxies().getFirst().proxy());
        }
    }

    @Test
    void aProxyThatIsDownAndOneThatRefusesThePasswordCoolDownAndTheCrawlCompletesThroughTheRest() throws Exception {
        try (TestProxies proxies = new TestProxies(dir); DemoShop shop = DemoShop.builder().address("127.0.0.62").products(PRODUCTS).start()) {
            int good = proxies.http("127.0.1.3", null, null);
            int picky = proxies.http("127.0.1.4", "ana", "right");
            int socksPicky = proxies.socks("127.0.1.5", "bob", "right");
            int down = TestProxies.closedPort();
            List<String> warnings = new CopyOnWriteArrayList<>();
            CrawlSummary s = crawl(Trawl.crawl().seeds(Seeds.urls(urls(shop))).concurrency(8).obeyRobots(false).warnings(warnings::add)
                    .proxy(ProxyServer.parse("http://127.0.0.1:" + down))
                    .proxy(ProxyServer.parse("http://ana:wrong@127.0.0.1:" + picky))
                    .proxy(ProxyServer.parse("socks5://bob:wrong@127.0.0.1:" + socksPicky))
                    .proxy(ProxyServer.parse("http://127.0.0.1:" + good)));
            assertEquals(PRODUCTS, s.counts().products(), "failed: " + s.counts().failedByReason() + " " + s.proxies());
            assertEquals(java.util.Set.of("127.0.1.3"), shop.requestsByClient().keySet(), "only the good proxy reached the shop");
            // tinyproxy answers a wrong password with 401, which reads as the shop's block: three in a row cool it down too.
            for (ProxyCounts p : s.proxies().subList(0, 3)) {
                assertTrue(p.errors() + p.blocked() > 0, p.toString());
                assertNotNull(p.lastProblem(), p.toString());
                assertTrue(p.state().contains(p.lastProblem()), "the summary says why, cooling or not: " + p.state());
                assertFalse(p.toString().contains("wrong"), p.toString());
            }
            assertEquals(0, s.proxies().get(3).errors());
            warnings.forEach(w -> assertFalse(w.contains("wrong"), w));
        }
    }

    /** Every URL is done with its product or blocked with the signal named: never done with no product. */
    private static long assertDoneOrBlocked(List<dev.trawl.crawl.CrawlResult> results) {
        return assertDoneOrBlocked(results, false);
    }

    /** As above; {@code proxyResets}: a reset through tinyproxy too (see TestProxies), which is no block and no empty page. */
    private static long assertDoneOrBlocked(List<dev.trawl.crawl.CrawlResult> results, boolean proxyResets) {
        long blocked = 0;
        for (var r : results) {
            if (proxyResets && r.outcome() instanceof dev.trawl.crawl.Outcome.Failed f && f.reason() == dev.trawl.crawl.FailureReason.RESET) {
                continue;
            }
            if (r.outcome() instanceof dev.trawl.crawl.Outcome.Failed f) {
                assertEquals(dev.trawl.crawl.FailureReason.BLOCKED, f.reason(), r.rawUrl() + ": " + f.detail());
                assertEquals("cloudflare challenge (403)", f.detail());
                blocked++;
            } else {
                assertEquals(1, r.products().size(), r.rawUrl());
            }
        }
        return blocked;
    }

    private static dev.trawl.output.ResultSink into(List<dev.trawl.crawl.CrawlResult> results) {
        return new dev.trawl.output.ResultSink() {
            @Override
            public void accept(dev.trawl.crawl.CrawlResult r) {
                results.add(r);
            }

            @Override
            public void close() {}
        };
    }

    @Test
    void aShopThatBansAnAddressAboveItsRateBlocksACrawlWithoutProxiesAndSaysSo() throws Exception {
        try (DemoShop shop = DemoShop.builder().address("127.0.0.66").products(GUARDED).guardRate(20, java.time.Duration.ofSeconds(10))
                .start()) {
            List<dev.trawl.crawl.CrawlResult> results = new CopyOnWriteArrayList<>();
            CrawlSummary s = crawl(Trawl.crawl().seeds(Seeds.urls(urls(shop, GUARDED))).concurrency(8).obeyRobots(false).sink(into(results)));
            assertEquals(GUARDED, results.size());
            long blocked = assertDoneOrBlocked(results);
            assertTrue(blocked > GUARDED / 2, "most were blocked: " + blocked);
            assertEquals(blocked, s.counts().failedByReason().get(dev.trawl.crawl.FailureReason.BLOCKED));
            assertTrue(shop.guardCounts().values().stream().mapToLong(dev.trawl.demoshop.RateGuardCounts::bans).sum() > 0);
        }
    }

    @Test
    void fourProxiesAtAPoliteRateGetEveryProductTheLoadSpreadAndNoAddressBanned() throws Exception {
        try (TestProxies proxies = new TestProxies(dir);
             DemoShop shop = DemoShop.builder().address("127.0.0.67").products(GUARDED).guardRate(20, java.time.Duration.ofSeconds(10))
                     .start()) {
            List<dev.trawl.crawl.CrawlResult> results = new CopyOnWriteArrayList<>();
            Path products = dir.resolve("products.jsonl");
            dev.trawl.CrawlBuilder b = Trawl.crawl().seeds(Seeds.urls(urls(shop, GUARDED))).concurrency(8).obeyRobots(false)
                    .sink(into(results)).sink(dev.trawl.Sinks.products(products))
                    // The shop of the test without proxies (a ban above 20 requests a second an address): 40 a second over
                    // all proxies together, taken in turn, is 10 an address, half the shop's limit.
                    .perHost(8, java.time.Duration.ofMillis(25));
            for (int i = 1; i <= 4; i++) {
                b.proxy(ProxyServer.parse("http://127.0.0.1:" + proxies.http("127.0.1." + (20 + i), null, null)));
            }
            CrawlSummary s = crawl(b);
            assertEquals(GUARDED, s.counts().products(), "failed: " + s.counts().failedByReason());
            assertEquals(GUARDED, results.size(), "one outcome a URL");
            assertEquals(GUARDED, results.stream().map(dev.trawl.crawl.CrawlResult::rawUrl).distinct().count());
            List<String> expected = new ArrayList<>();
            for (int id = 0; id < GUARDED; id++) {
                expected.add(shop.expectedLine(id));
            }
            List<String> lines = java.nio.file.Files.readAllLines(products).stream()
                    .map(l -> l.substring(0, l.indexOf(",\"source\":")) + "}").sorted().toList();
            assertEquals(expected.stream().sorted().toList(), lines, "every product exact");
            var counts = shop.guardCounts();
            assertEquals(java.util.Set.of("127.0.1.21", "127.0.1.22", "127.0.1.23", "127.0.1.24"), counts.keySet());
            counts.forEach((address, c) -> {
                assertEquals(0, c.bans(), address);
                assertTrue(c.requests() >= GUARDED / 8, "spread: " + counts);
            });
        }
    }

    @Test
    void aSessionIsNeverUsedAfterItsBanAndBlockedProxiesCoolDown() throws Exception {
        try (TestProxies proxies = new TestProxies(dir);
             DemoShop shop = DemoShop.builder().address("127.0.0.68").products(PRODUCTS).guardCookie(true)
                     .guardRate(20, java.time.Duration.ofSeconds(1)).start()) {
            List<dev.trawl.crawl.CrawlResult> results = new CopyOnWriteArrayList<>();
            dev.trawl.CrawlBuilder b = Trawl.crawl().seeds(Seeds.urls(urls(shop))).concurrency(8).obeyRobots(false).retries(4)
                    .sink(into(results));
            for (int i = 1; i <= 4; i++) {
                b.proxy(ProxyServer.parse("http://127.0.0.1:" + proxies.http("127.0.1." + (30 + i), null, null)));
            }
            CrawlSummary s = crawl(b);
            assertEquals(PRODUCTS, results.size());
            assertDoneOrBlocked(results, true);
            long bans = shop.guardCounts().values().stream().mapToLong(dev.trawl.demoshop.RateGuardCounts::bans).sum();
            assertTrue(bans > 0, "at full speed the shop bans addresses");
            // A session retires at its first block; only requests already on the wire then (at most the concurrency, 8, a ban)
            // can reach the shop with its pass afterwards.
            assertTrue(shop.requestsOnABannedSession() <= 8 * bans, shop.requestsOnABannedSession() + " after " + bans + " bans");
            assertTrue(s.proxies().stream().anyMatch(p -> p.blocked() > 0 && p.lastProblem() != null), s.proxies().toString());
        }
    }

    @Test
    void politenessHoldsPerTargetHostOverAllProxiesTogether() throws Exception {
        try (TestProxies proxies = new TestProxies(dir);
             DemoShop shop = DemoShop.builder().address("127.0.0.69").products(60).latency(java.time.Duration.ofMillis(20)).start()) {
            List<Long> sent = new CopyOnWriteArrayList<>();
            dev.trawl.CrawlBuilder b = Trawl.crawl().seeds(Seeds.sites(List.of(shop.baseUri().toString()))).concurrency(16)
                    .perHost(3, java.time.Duration.ofMillis(100)).events(new dev.trawl.crawl.CrawlEvents() {
                        @Override
                        public void requestSent(java.net.URI url, String host, long nanoTime) {
                            sent.add(nanoTime);
                        }
                    });
            for (int i = 1; i <= 4; i++) {
                b.proxy(ProxyServer.parse("http://127.0.0.1:" + proxies.http("127.0.1." + (60 + i), null, null)));
            }
            CrawlSummary s = crawl(b);
            assertEquals(60, s.counts().products(), "failed: " + s.counts().failedByReason());
            assertEquals(4, shop.requestsByClient().size(), "the load went over the 4 proxies: " + shop.requestsByClient());
            var c = shop.counters();
            assertTrue(c.maxInFlight() <= 3, "--per-host 3 over all proxies together, as the shop counted: " + c.maxInFlight());
            // The delay over all proxies together, as trawl sent: one request every 100 ms at most. The shop's own clock cannot
            // say it, each proxy adding a latency of its own (a busy machine saw two starts 0.7 ms apart at the shop).
            List<Long> starts = sent.stream().sorted().toList();
            for (int i = 1; i < starts.size(); i++) {
                assertTrue(starts.get(i) - starts.get(i - 1) >= 100_000_000L, "gap between starts as trawl sent them: "
                        + (starts.get(i) - starts.get(i - 1)) / 1000 + " us");
            }
            assertEquals(s.counts().attempts(), starts.size());
            assertEquals(1, shop.requestsFor("/robots.txt"), "robots.txt once for the host, whatever the proxy");
            assertTrue(!shop.disallowedSitemapPaths().isEmpty());
            for (String path : shop.disallowedSitemapPaths()) {
                assertEquals(0, shop.requestsFor(path), path + " is disallowed");
            }
        }
    }
}
