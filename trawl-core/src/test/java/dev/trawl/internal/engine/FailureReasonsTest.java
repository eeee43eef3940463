package dev.trawl.internal.engine;

import static dev.trawl.internal.engine.CrawlEngineTest.at;
import static dev.trawl.internal.engine.CrawlEngineTest.crawl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.Transports;
import dev.trawl.Trawl;
import dev.trawl.crawl.Crawl;
import dev.trawl.crawl.CrawlResult;
import dev.trawl.crawl.FailureReason;
import dev.trawl.crawl.Outcome;
import dev.trawl.crawl.Seeds;
import dev.trawl.demoshop.DemoShop;
import dev.trawl.fetch.FetchResult;
import dev.trawl.fetch.FetchSettings;
import dev.trawl.fetch.Transport;
import dev.trawl.fetch.Validators;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every failure reason a user can meet, end to end: a real crawl over loopback ends the URL with it, on both transports where a transport decides it. */
@Timeout(60)
class FailureReasonsTest {

    private static Outcome.Failed failed(CrawlResult r) {
        return assertInstanceOf(Outcome.Failed.class, r.outcome(), r.rawUrl() + ": " + r.outcome());
    }

    private static Transport.Factory named(String transport) {
        return transport.equals("jdk") ? Transports.jdk() : Transports.apache();
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void whatTheTransportMeets(String transport) throws Exception {
        try (DemoShop shop = DemoShop.builder().products(5).start()) {
            Results results = new Results();
            String tls = "https://" + shop.baseUri().getHost() + ":" + shop.baseUri().getPort() + "/p/1";
            crawl(Trawl.crawl().seeds(at(shop, "/fault/bad-chunk", "/fault/bad-gzip", "/fault/reset")
                            .then(Seeds.urls(List.of("http://no-such-host.invalid/p/1", tls))))
                    .transport(named(transport)).retries(0).obeyRobots(false).sink(results));
            var byUrl = results.byUrl();
            Outcome.Failed badChunk = failed(byUrl.get(shop.baseUri().resolve("/fault/bad-chunk").toString()));
            // The JDK's client reports a broken chunk only as "IOException: closed", with no type to tell it by.
            assertEquals(transport.equals("jdk") ? FailureReason.IO_ERROR : FailureReason.PROTOCOL, badChunk.reason(), badChunk.detail());
            assertEquals(FailureReason.DECODING, failed(byUrl.get(shop.baseUri().resolve("/fault/bad-gzip").toString())).reason());
            assertEquals(FailureReason.RESET, failed(byUrl.get(shop.baseUri().resolve("/fault/reset").toString())).reason());
            assertEquals(FailureReason.UNKNOWN_HOST, failed(byUrl.get("http://no-such-host.invalid/p/1")).reason());
            assertEquals(FailureReason.TLS, failed(byUrl.get(tls)).reason());
        }
    }

    /**
     * Header sections past the caps (a line that never ends, lines that never end, one 10 MB line)
     * and responses that break HTTP's framing (no status line at all, a 3xx whose Location is
     * empty) are {@code protocol}, on both transports, long before the total timeout: the caps
     * bound what a response can make the client hold.
     */
    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void hostileHeadersAndBrokenFramingAreProtocol(String transport) throws Exception {
        try (DemoShop shop = DemoShop.builder().products(5).start()) {
            Results results = new Results();
            // many-headers: 150 short lines (past the count cap, within the total); 20 lines of 7000 bytes (within the
            // line and count caps, past the 64 KiB total, within the JDK client's own 384 KiB).
            List<String> paths = List.of("/fault/endless-header", "/fault/endless-headers", "/fault/huge-header", "/fault/many-headers",
                    "/fault/many-headers?lines=20&size=7000", "/fault/http09", "/fault/empty-location");
            long start = System.nanoTime();
            crawl(Trawl.crawl().seeds(at(shop, paths.toArray(String[]::new))).transport(named(transport)).retries(0).obeyRobots(false)
                    .timeout(Duration.ofSeconds(40)).sink(results));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            var byUrl = results.byUrl();
            for (String path : paths) {
                Outcome.Failed f = failed(byUrl.get(shop.baseUri().resolve(path).toString()));
                assertEquals(FailureReason.PROTOCOL, f.reason(), path + ": " + f.detail());
            }
            assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "took " + took);
            // The empty Location was not taken for a redirect to the parent directory.
            assertEquals(0, shop.requestsFor("/fault/"), "requests to /fault/");
        }
    }

    /** A header section that trickles in (a line every 100 ms, forever) is cut by the total timeout, on both transports. */
    /** Just within every cap: a full house of header lines is an ordinary response. */
    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void headersWithinTheCapsAreFine(String transport) throws Exception {
        try (DemoShop shop = DemoShop.builder().products(5).start()) {
            Results results = new Results();
            // 90 lines besides the shop's own few, 600 bytes each: 54 KiB.
            crawl(Trawl.crawl().seeds(at(shop, "/fault/many-headers?lines=90&size=600")).transport(named(transport)).retries(0)
                    .obeyRobots(false).sink(results));
            assertInstanceOf(Outcome.Done.class, results.only().outcome(), results.only().outcome().toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void theTotalTimeoutCutsHeadersThatNeverEnd(String transport) throws Exception {
        try (DemoShop shop = DemoShop.builder().products(5).start()) {
            Results results = new Results();
            long start = System.nanoTime();
            crawl(Trawl.crawl().seeds(at(shop, "/fault/header-drip")).transport(named(transport)).retries(0).obeyRobots(false)
                    .timeout(Duration.ofSeconds(1)).sink(results));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            Outcome.Failed f = failed(results.only());
            // Apache: the total timeout (no read waits a second); the JDK's: its request timeout, which runs until the headers are in.
            assertEquals(FailureReason.TIMEOUT, f.reason(), f.detail());
            assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "took " + took);
        }
    }

    /** A redirect to a host the user never named (here a cloud's metadata address) is {@code offsite}, and never requested (OffsiteTest has the rest). */
    @Test
    void aRedirectOffsite() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(5).start()) {
            Results results = new Results();
            crawl(Trawl.crawl().seeds(at(shop, "/fault/redirect?to=http://169.254.169.254/latest/meta-data/")).retries(0).obeyRobots(false)
                    .sink(results));
            assertEquals(FailureReason.OFFSITE, failed(results.only()).reason());
        }
    }

    @Test
    void aSitemapThatIsNotOneAnExtractorThatThrowsAndATransportThatThrows() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(5).start()) {
            Results results = new Results();
            String page = shop.baseUri().resolve("/p/1").toString();
            crawl(Trawl.crawl().seeds(Seeds.sitemaps(List.of(page)).then(Seeds.urls(List.of(shop.baseUri().resolve("/p/2").toString()))))
                    .extract(p -> {
                        throw new IllegalStateException("a user's extractor failed");
                    })
                    .obeyRobots(false).warnings(line -> { }).sink(results));
            var byUrl = results.byUrl();
            assertEquals(FailureReason.BAD_SITEMAP, failed(byUrl.get(page)).reason());
            Outcome.Failed extract = failed(byUrl.get(shop.baseUri().resolve("/p/2").toString()));
            assertEquals(FailureReason.EXTRACT_ERROR, extract.reason());
            assertTrue(extract.detail().contains("a user's extractor failed"), extract.detail());
        }
        Results results = new Results();
        crawl(Trawl.crawl().seeds(Seeds.urls(List.of("http://127.0.0.1:9/p/1"))).transport(new ThrowingTransport()).obeyRobots(false)
                .retries(0).sink(results));
        Outcome.Failed io = failed(results.all().getFirst());
        assertEquals(FailureReason.IO_ERROR, io.reason());
        assertTrue(io.detail().contains("a transport's bug"), io.detail());
    }

    @Test
    void requestsInFlightWhenTheCrawlIsClosedEndCancelled() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(5).start()) {
            Results results = new Results();
            dev.trawl.crawl.CrawlSummary summary;
            try (Crawl crawl = Trawl.crawl().seeds(at(shop, "/fault/hang?id=1", "/fault/hang?id=2", "/fault/hang?id=3"))
                    .obeyRobots(false).timeout(Duration.ofSeconds(50)).sink(results).start()) {
                while (shop.counters().inFlight() < 3) {
                    Thread.sleep(5);
                }
                crawl.close();
                summary = crawl.await();
            }
            // Stopped in flight is not an outcome: not counted as failed (a store keeps such URLs pending).
            assertEquals(3, summary.counts().stopped());
            assertEquals(0, summary.counts().failed());
            assertEquals(3, results.all().size(), results.all().toString());
            for (CrawlResult r : results.all()) {
                assertEquals(FailureReason.CANCELLED, failed(r).reason());
            }
        }
    }

    @Test
    void anExtractorThatNeverReturnsDoesNotHoldTheStop() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean release = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();
        List<String> warnings = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        try (DemoShop shop = DemoShop.builder().products(5).start()) {
            dev.trawl.crawl.CrawlSummary summary;
            try (Crawl crawl = Trawl.crawl().seeds(at(shop, "/p/1", "/p/2")).concurrency(1).obeyRobots(false).warnings(warnings::add)
                    .extract(p -> {
                        inside.incrementAndGet();
                        while (!release.get()) {
                            Thread.onSpinWait(); // holds its carrier: no yield point
                        }
                        return List.of();
                    }).start()) {
                while (inside.get() == 0) {
                    Thread.sleep(5);
                }
                crawl.close();
                summary = crawl.await();
            } finally {
                release.set(true);
            }
            assertTrue(summary.stoppedEarly());
            assertTrue(warnings.stream().anyMatch(w -> w.startsWith("1 request(s) did not stop within 10 s")), warnings.toString());
        }
    }

    @Test
    void runningOutOfMemoryOnAPageStopsTheCrawlWithOneLineInsteadOfIdling() throws Exception {
        List<String> warnings = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        try (DemoShop shop = DemoShop.builder().products(50).start()) {
            List<String> paths = java.util.stream.IntStream.rangeClosed(1, 50).mapToObj(i -> "/p/" + i).toList();
            dev.trawl.crawl.CrawlSummary summary;
            try (Crawl crawl = Trawl.crawl().seeds(at(shop, paths.toArray(String[]::new))).concurrency(4).obeyRobots(false)
                    .warnings(warnings::add).extract(p -> {
                        if (p.url().getPath().equals("/p/7")) {
                            throw new OutOfMemoryError("Java heap space"); // as a page too big for the heap would
                        }
                        return List.of();
                    }).start()) {
                summary = crawl.await(); // returns: the crawl does not wait for an outcome that will never come
            }
            assertTrue(summary.stoppedEarly());
            List<String> oom = warnings.stream().filter(w -> w.contains("out of memory")).toList();
            assertEquals(1, oom.size(), warnings.toString());
            assertTrue(oom.getFirst().contains("/p/7") && oom.getFirst().contains("-Xmx") && oom.getFirst().endsWith("the crawl stops")
                    && !oom.getFirst().contains("\n"), oom.getFirst());
        }
    }

    /** A transport with a bug: it throws instead of returning an error. */
    private static final class ThrowingTransport implements Transport {
        @Override
        public FetchResult fetch(URI url, long maxBodyBytes, Validators validators) {
            throw new IllegalStateException("a transport's bug");
        }

        @Override
        public FetchSettings settings() {
            return new FetchSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 1024, "t", 1, 1);
        }

        @Override
        public void close() {}
    }
}
