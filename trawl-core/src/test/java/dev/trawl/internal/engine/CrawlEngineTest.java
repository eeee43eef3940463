package dev.trawl.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.crawl.Crawl;
import dev.trawl.CrawlBuilder;
import dev.trawl.crawl.CrawlResult;
import dev.trawl.crawl.CrawlSummary;
import dev.trawl.crawl.FailureReason;
import dev.trawl.crawl.Outcome;
import dev.trawl.crawl.Seeds;
import dev.trawl.Trawl;
import dev.trawl.Transports;
import dev.trawl.demoshop.CatalogueProduct;
import dev.trawl.demoshop.DemoShop;
import dev.trawl.demoshop.Fault;
import dev.trawl.demoshop.ShopCounters;
import dev.trawl.extract.Product;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The engine against the real demo shop over loopback: what the shop counted is the evidence. */
@Timeout(60)
class CrawlEngineTest {

    static List<String> productUrls(DemoShop shop, int from, int to) {
        List<String> urls = new ArrayList<>();
        for (int id = from; id < to; id++) {
            urls.add(shop.baseUri().resolve(shop.catalogue().product(id).path()).toString());
        }
        return urls;
    }

    /** Seeds of paths on one shop. */
    static Seeds at(DemoShop shop, String... paths) {
        return Seeds.urls(java.util.Arrays.stream(paths).map(p -> shop.baseUri().resolve(p).toString()).toList());
    }

    static CrawlSummary crawl(CrawlBuilder builder) throws InterruptedException {
        try (Crawl crawl = builder.start()) {
            return crawl.await();
        }
    }

    @Test
    void reachesTheGlobalCapAndNeverExceedsIt() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(300).latency(Duration.ofMillis(30)).start()) {
            Results results = new Results();
            // Without sessions one pool serves every request: keep-alive means no more connections than the cap. (Sessions
            // keep connections of their own: SessionsTest.)
            CrawlSummary s = crawl(Trawl.crawl().seeds(Seeds.urls(productUrls(shop, 0, 300)))
                    .concurrency(12).perHost(50, Duration.ZERO).sessions(dev.trawl.fetch.SessionPolicy.OFF).sink(results));
            assertEquals(300, s.counts().done());
            assertEquals(12, shop.counters().maxInFlight(), "the shop saw exactly the cap in flight at most");
            assertTrue(shop.counters().connections() <= 12, "keep-alive: connections " + shop.counters().connections());
            assertEquals(300, results.byUrl().size());
        }
    }

    @Test
    void reachesThePerHostCapOnEveryHostAtOnceAndNeverExceedsIt() throws Exception {
        List<DemoShop> shops = new ArrayList<>();
        try {
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                DemoShop shop = DemoShop.builder().address("127.0.0." + (i + 2)).site(i + 1).products(60)
                        .latency(Duration.ofMillis(30)).start();
                shops.add(shop);
                urls.addAll(productUrls(shop, 0, 60));
            }
            // The list is sorted by site and the buffer holds a fraction of one site's URLs: the
            // engine must read ahead to keep every site busy at once.
            CrawlSummary s = crawl(Trawl.crawl().seeds(Seeds.urls(urls)).concurrency(100).perHost(3, Duration.ZERO).buffer(10));
            assertEquals(180, s.counts().done());
            for (DemoShop shop : shops) {
                assertEquals(3, shop.counters().maxInFlight(), shop.baseUri() + " max in flight");
            }
            assertTrue(shops.get(2).counters().firstRequestEpochMillis() < shops.get(0).counters().lastResponseEpochMillis(),
                    "the last site started while the first was still being crawled");
        } finally {
            shops.forEach(DemoShop::close);
        }
    }

    @Test
    void keepsThePerHostDelayBetweenRequestStarts() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(20).start()) {
            List<Long> sent = java.util.Collections.synchronizedList(new ArrayList<>());
            CrawlSummary s = crawl(Trawl.crawl().seeds(Seeds.urls(productUrls(shop, 0, 12)))
                    .concurrency(10).perHost(10, Duration.ofMillis(100))
                    .events(new dev.trawl.crawl.CrawlEvents() {
                        @Override
                        public void requestSent(java.net.URI url, String host, long nanoTime) {
                            sent.add(nanoTime);
                        }
                    }));
            assertEquals(12, s.counts().done());
            // robots.txt (a 404 here) is the host's first request, then the 12 pages.
            assertEquals(13, sent.size());
            List<Long> times = sent.stream().sorted().toList();
            for (int i = 1; i < times.size(); i++) {
                long gap = times.get(i) - times.get(i - 1);
                assertTrue(gap >= 100_000_000, "trawl's own gap between starts " + i + ": " + gap + " ns");
            }
            // The shop reads its clock after parsing each request, on a machine that may be busy: a loose bound.
            assertTrue(shop.counters().minGapMicros() >= 50_000, "smallest gap the shop saw " + shop.counters().minGapMicros() + " µs");
        }
    }

    @Test
    void honoursRetryAfterInSecondsForTheWholeHost() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(20).start()) {
            String limited = shop.baseUri().resolve("/fault/429?retry-after=2&times=1&id=3").toString();
            List<String> urls = new ArrayList<>(List.of(limited));
            urls.addAll(productUrls(shop, 0, 3));
            Results results = new Results();
            crawl(Trawl.crawl().seeds(Seeds.urls(urls)).concurrency(4).perHost(1, Duration.ZERO).sink(results));
            assertInstanceOf(Outcome.Done.class, results.byUrl().get(limited).outcome());
            List<Long> starts = shop.requestStarts("/fault/429?retry-after=2&times=1&id=3");
            assertEquals(2, starts.size());
            long first = starts.get(0);
            assertTrue(starts.get(1) - first >= 2_000_000, "retry came after " + (starts.get(1) - first) + " µs");
            for (int id = 0; id < 3; id++) {
                for (long t : shop.requestStarts(shop.catalogue().product(id).path())) {
                    assertTrue(t < first || t - first >= 2_000_000, "a request to the paused host started " + (t - first) + " µs after the 429");
                }
            }
        }
    }

    @Test
    void honoursRetryAfterGivenAsAnHttpDate() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(5).start()) {
            String path = "/fault/429?retry-after=2&date=1&times=1";
            Results results = new Results();
            crawl(Trawl.crawl().seeds(at(shop, path)).sink(results));
            assertInstanceOf(Outcome.Done.class, results.only().outcome());
            List<Long> starts = shop.requestStarts(path);
            assertEquals(2, starts.size());
            // An HTTP-date has whole seconds: "2 s from now" may be as little as 1 s away.
            assertTrue(starts.get(1) - starts.get(0) >= 1_000_000, "retry came after " + (starts.get(1) - starts.get(0)) + " µs");
        }
    }

    @Test
    void cutsAHangingResponseAtTheTimeout() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(5).start()) {
            Results results = new Results();
            crawl(Trawl.crawl().seeds(at(shop, "/fault/hang"))
                    .timeout(Duration.ofMillis(800)).retries(1).backoff(Duration.ofMillis(10)).sink(results));
            Outcome.Failed f = results.failed();
            assertEquals(FailureReason.TIMEOUT, f.reason());
            assertEquals(2, f.attempts());
            assertEquals(2, shop.requestsFor("/fault/hang"));
        }
    }

    @Test
    void cutsASlowDripAtTheTotalTimeout() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(5).start()) {
            Results results = new Results();
            CrawlSummary s = crawl(Trawl.crawl().seeds(at(shop, "/fault/drip"))
                    .timeout(Duration.ofMillis(700)).retries(0).sink(results));
            Outcome.Failed f = results.failed();
            assertEquals(FailureReason.TIMEOUT, f.reason());
            assertTrue(f.detail().contains("700ms"), f.detail());
            assertTrue(s.elapsed().toMillis() < 5_000, "the drip would last far longer; crawl took " + s.elapsed());
        }
    }

    @Test
    void cutsAnOversizedBodyAndAGzipBombAtTheCap() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(5).start()) {
            Results results = new Results();
            String big = shop.baseUri().resolve("/fault/oversized").toString();
            String bomb = shop.baseUri().resolve("/fault/gzip-bomb").toString();
            crawl(Trawl.crawl().seeds(Seeds.urls(List.of(big, bomb))).maxBodyBytes(1 << 20).sink(results));
            Map<String, CrawlResult> byUrl = results.byUrl();
            for (String url : List.of(big, bomb)) {
                Outcome.Failed f = (Outcome.Failed) byUrl.get(url).outcome();
                assertEquals(FailureReason.TOO_LARGE, f.reason(), url);
                assertEquals(1, f.attempts(), "too large is not retried");
            }
            assertTrue(shop.counters().bytesSent() < 32L << 20, "the shop stopped early: sent " + shop.counters().bytesSent());
        }
    }

    @Test
    void followsRedirectsAndStopsARedirectLoop() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(5).start()) {
            Results results = new Results();
            String once = shop.baseUri().resolve("/fault/redirect?to=/p/1").toString();
            String loop = shop.baseUri().resolve("/fault/redirect-loop").toString();
            crawl(Trawl.crawl().seeds(Seeds.urls(List.of(once, loop))).maxRedirects(5).sink(results));
            Map<String, CrawlResult> byUrl = results.byUrl();
            Outcome.Done done = assertInstanceOf(Outcome.Done.class, byUrl.get(once).outcome());
            assertEquals(shop.baseUri().resolve("/p/1"), done.finalUrl());
            assertEquals(1, byUrl.get(once).products().size());
            Outcome.Failed f = assertInstanceOf(Outcome.Failed.class, byUrl.get(loop).outcome());
            assertEquals(FailureReason.TOO_MANY_REDIRECTS, f.reason());
            assertEquals(6, f.attempts(), "the first request and five hops");
        }
    }

    @Test
    void underTenPercentFaultsEveryUrlEndsOnceAndRetriedOnesSucceed() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(400).latency(Duration.ofMillis(1), Duration.ofMillis(5))
                .fault(Fault.SERVER_ERROR_500, 0.02).fault(Fault.UNAVAILABLE_503, 0.02).fault(Fault.TOO_MANY_REQUESTS_429, 0.02)
                .fault(Fault.RESET_MID_BODY, 0.02).fault(Fault.HANG, 0.02).retryAfterSeconds(1).start()) {
            Results results = new Results();
            List<String> urls = productUrls(shop, 0, 400);
            CrawlSummary s = crawl(Trawl.crawl().seeds(Seeds.urls(urls)).concurrency(32).perHost(32, Duration.ZERO)
                    .timeout(Duration.ofSeconds(1)).backoff(Duration.ofMillis(20)).sink(results));
            Map<String, CrawlResult> byUrl = results.byUrl();
            assertEquals(400, byUrl.size(), "every URL has exactly one outcome");
            int faulted = 0;
            for (int id = 0; id < 400; id++) {
                CatalogueProduct expected = shop.catalogue().product(id);
                CrawlResult r = byUrl.get(urls.get(id));
                assertInstanceOf(Outcome.Done.class, r.outcome(), r.rawUrl() + " " + r.outcome());
                Product p = r.products().getFirst();
                assertEquals(expected.sku(), p.sku());
                assertEquals(0, expected.price().compareTo(p.price()), "price of " + expected.sku());
                long requests = shop.requestsFor(expected.path());
                if (shop.faultFor(expected.path()).isPresent()) {
                    faulted++;
                    assertEquals(2, requests, "a faulty page is fetched twice: " + expected.path());
                } else {
                    assertEquals(1, requests, "a good page is fetched once: " + expected.path());
                }
            }
            assertTrue(faulted >= 20 && faulted <= 60, "about 10 % faulted: " + faulted);
            assertEquals(faulted, s.counts().retries());
        }
    }

    @Test
    void badSeedsGetAnOutcomeAndALineNamingWhereTheyCameFromAndTheCrawlGoesOn() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(5).start()) {
            Results results = new Results();
            List<String> warnings = new CopyOnWriteArrayList<>();
            String good = shop.baseUri().resolve("/p/1").toString();
            crawl(Trawl.crawl().seeds(Seeds.urls(List.of("not a url", "ftp://files.test/x", good)))
                    .warnings(warnings::add).sink(results));
            Map<String, CrawlResult> byUrl = results.byUrl();
            assertEquals(FailureReason.INVALID_URL, ((Outcome.Failed) byUrl.get("not a url").outcome()).reason());
            assertEquals(FailureReason.UNSUPPORTED_SCHEME, ((Outcome.Failed) byUrl.get("ftp://files.test/x").outcome()).reason());
            assertInstanceOf(Outcome.Done.class, byUrl.get(good).outcome());
            assertEquals(2, warnings.size());
            assertTrue(warnings.get(0).startsWith("list:1: "), warnings.get(0));
            assertTrue(warnings.get(1).startsWith("list:2: unsupported scheme 'ftp'"), warnings.get(1));
        }
    }

    @Test
    void aMissingSeedFileIsOneWarningAndAnEmptyCrawl() throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        CrawlSummary s = crawl(Trawl.crawl().seeds(Seeds.file(java.nio.file.Path.of("/no/such/urls.txt"))).warnings(warnings::add));
        assertEquals(List.of("cannot read seeds: no such file: /no/such/urls.txt"), warnings);
        assertEquals(0, s.counts().finished());
    }

    @Test
    void aRefusedConnectionFailsWithItsReason() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Results results = new Results();
        crawl(Trawl.crawl().seeds(Seeds.urls(List.of("http://127.0.0.1:" + closedPort + "/p/1")))
                .retries(1).backoff(Duration.ofMillis(10)).obeyRobots(false).sink(results));
        assertEquals(FailureReason.REFUSED, results.failed().reason());
        assertEquals(2, results.failed().attempts());

        // Obeying robots.txt, the host's robots.txt is what is refused: the page is never tried,
        // and fails with the network's reason, not as if robots.txt had forbidden it.
        Results polite = new Results();
        crawl(Trawl.crawl().seeds(Seeds.urls(List.of("http://127.0.0.1:" + closedPort + "/p/1")))
                .retries(1).backoff(Duration.ofMillis(10)).sink(polite));
        assertEquals(FailureReason.REFUSED, polite.failed().reason());
        assertEquals(0, polite.failed().attempts());
        assertTrue(polite.failed().detail().contains("robots.txt could not be fetched"), polite.failed().detail());
    }

    @Test
    void aNotFoundPageFailsWithItsStatusAndIsNotRetried() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(5).start()) {
            Results results = new Results();
            crawl(Trawl.crawl().seeds(at(shop, "/p/999")).sink(results));
            Outcome.Failed f = results.failed();
            assertEquals(FailureReason.HTTP_STATUS, f.reason());
            assertEquals(404, f.status());
            assertEquals(1, shop.requestsFor("/p/999"));
        }
    }

    @Test
    void decodesGzipAndDeflateBodies() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(10).compression(true).start()) {
            for (String transport : List.of("apache", "jdk")) {
                Results results = new Results();
                crawl(Trawl.crawl().seeds(Seeds.urls(productUrls(shop, 0, 10))).transport(transportNamed(transport)).sink(results));
                for (CrawlResult r : results.all()) {
                    Outcome.Done d = assertInstanceOf(Outcome.Done.class, r.outcome(), transport);
                    assertTrue(d.bytes() >= 20_000, transport + " decoded size " + d.bytes());
                    assertEquals(1, r.products().size(), transport);
                }
            }
        }
    }

    @Test
    void theJdkTransportGivesTheSameOutcomes() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(50).start()) {
            Results results = new Results();
            List<String> urls = new ArrayList<>(productUrls(shop, 0, 50));
            urls.add(shop.baseUri().resolve("/fault/hang").toString());
            urls.add(shop.baseUri().resolve("/fault/oversized").toString());
            urls.add(shop.baseUri().resolve("/p/404040").toString());
            crawl(Trawl.crawl().seeds(Seeds.urls(urls)).transport(Transports.jdk()).timeout(Duration.ofMillis(800)).retries(0)
                    .maxBodyBytes(1 << 20).sink(results));
            Map<String, CrawlResult> byUrl = results.byUrl();
            assertEquals(53, byUrl.size());
            assertEquals(FailureReason.TIMEOUT, ((Outcome.Failed) byUrl.get(urls.get(50)).outcome()).reason());
            assertEquals(FailureReason.TOO_LARGE, ((Outcome.Failed) byUrl.get(urls.get(51)).outcome()).reason());
            assertEquals(FailureReason.HTTP_STATUS, ((Outcome.Failed) byUrl.get(urls.get(52)).outcome()).reason());
            for (String url : urls.subList(0, 50)) {
                assertEquals(1, byUrl.get(url).products().size(), url);
            }
        }
    }

    @Test
    void closingACrawlEarlyStopsItAndEndsEveryThread() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(2000).latency(Duration.ofMillis(50)).start()) {
            Results results = new Results();
            Crawl crawl = Trawl.crawl().seeds(Seeds.urls(productUrls(shop, 0, 2000))).concurrency(8).sink(results).start();
            while (crawl.progress().counts().finished() < 20) {
                Thread.sleep(10);
            }
            crawl.close();
            CrawlSummary s = crawl.await();
            assertTrue(s.stoppedEarly());
            assertTrue(s.counts().finished() < 2000);
            assertTrue(results.closed, "the sinks were closed");
            assertEquals(List.of(), ThreadCheck.liveTrawlThreads());
        }
    }

    @Test
    void leavesNoThreadRunningAfterACrawlCloses() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(100).start()) {
            for (String transport : List.of("apache", "jdk")) {
                crawl(Trawl.crawl().seeds(Seeds.urls(productUrls(shop, 0, 100))).transport(transportNamed(transport)).concurrency(16));
                assertEquals(List.of(), ThreadCheck.liveTrawlThreads(), transport);
            }
        }
    }

    private static dev.trawl.fetch.Transport.Factory transportNamed(String name) {
        return name.equals("jdk") ? Transports.jdk() : Transports.apache();
    }
}
