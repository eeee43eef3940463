package dev.trawl.internal.engine;

import static dev.trawl.internal.engine.CrawlEngineTest.crawl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.Transports;
import dev.trawl.Trawl;
import dev.trawl.crawl.CrawlResult;
import dev.trawl.crawl.CrawlSummary;
import dev.trawl.crawl.FailureReason;
import dev.trawl.crawl.Outcome;
import dev.trawl.crawl.Seeds;
import dev.trawl.demoshop.DemoShop;
import dev.trawl.fetch.SessionPolicy;
import dev.trawl.fetch.Transport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sessions keep the cookies a site sets and send them back, through redirects; they retire after their uses. */
@Timeout(60)
class SessionsTest {
    private static final int PRODUCTS = 200;

    private static List<String> urls(DemoShop shop) {
        List<String> urls = new ArrayList<>();
        for (int id = 0; id < PRODUCTS; id++) {
            urls.add(shop.baseUri().resolve("/p/" + id).toString());
        }
        return urls;
    }

    private static Transport.Factory named(String transport) {
        return transport.equals("jdk") ? Transports.jdk() : Transports.apache();
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aShopThatLetsOnlyCookieKeepersThroughGivesEveryProductAndItsCookieIsReused(String transport) throws Exception {
        try (DemoShop shop = DemoShop.builder().products(PRODUCTS).guardCookie(true).start()) {
            Results results = new Results();
            CrawlSummary s = crawl(Trawl.crawl().seeds(Seeds.urls(urls(shop))).transport(named(transport)).concurrency(8)
                    .obeyRobots(false).sink(results));
            assertEquals(PRODUCTS, s.counts().done());
            assertEquals(PRODUCTS, s.counts().products());
            long handshakes = shop.counters().byStatus().getOrDefault(302, 0L);
            // Without reuse every page would cost two 302s (400); a session's cookie serves its 50 requests (a fresh
            // session's first requests at once may each make the handshake, so the bound is loose).
            assertTrue(handshakes > 0 && handshakes <= 100, "302s: " + handshakes);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache"})
    void withoutCookiesEveryPageIsBlockedNeverDoneEmpty(String transport) throws Exception {
        try (DemoShop shop = DemoShop.builder().products(20).guardCookie(true).start()) {
            Results results = new Results();
            CrawlSummary s = crawl(Trawl.crawl().seeds(Seeds.urls(urls(shop).subList(0, 20))).transport(named(transport))
                    .sessions(SessionPolicy.OFF).retries(0).obeyRobots(false).sink(results));
            assertEquals(0, s.counts().done());
            for (CrawlResult r : results.byUrl().values()) {
                Outcome.Failed f = assertInstanceOf(Outcome.Failed.class, r.outcome());
                assertEquals(FailureReason.BLOCKED, f.reason());
                assertEquals("cloudflare challenge (200)", f.detail());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {10})
    void aSessionRetiresAfterItsUsesAndTheNextStartsWithNoCookie(int uses) throws Exception {
        try (DemoShop shop = DemoShop.builder().products(PRODUCTS).guardCookie(true).start()) {
            // One at a time, so no request overshoots a session's uses.
            CrawlSummary s = crawl(Trawl.crawl().seeds(Seeds.urls(urls(shop))).concurrency(1)
                    .sessions(SessionPolicy.DEFAULT.withMaxUses(uses)).obeyRobots(false));
            assertEquals(PRODUCTS, s.counts().products());
            long handshakes = shop.counters().byStatus().getOrDefault(302, 0L);
            // A session's 10 uses (2 more at most, to end a redirect chain): its 2 handshake 302s, then pages. So at least
            // 200 / 12 sessions came and went, 2 302s each; the default 50 uses would need a quarter of that.
            assertTrue(handshakes >= 2L * PRODUCTS / (uses + 2), "302s: " + handshakes);
        }
    }

    /**
     * One request at a time (a fresh session's first requests must not race for its cookie, which
     * would give one session two passes). Apache HttpClient keeps each session's connections
     * apart by its user token; the JDK's client cannot, and does share them: the same count shows it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void onTrawlsTransportNoConnectionServesTwoSessions(String transport) throws Exception {
        try (DemoShop shop = DemoShop.builder().products(PRODUCTS).guardCookie(true).start()) {
            CrawlSummary s = crawl(Trawl.crawl().seeds(Seeds.urls(urls(shop))).transport(named(transport)).concurrency(1)
                    .sessions(SessionPolicy.DEFAULT.withMaxUses(10)).obeyRobots(false));
            assertEquals(PRODUCTS, s.counts().products());
            // Every handshake hands out a new pass: a connection that carried two served two sessions.
            assertTrue(shop.counters().byStatus().getOrDefault(302, 0L) >= 2L * PRODUCTS / 10, "many sessions came and went");
            if (transport.equals("apache")) {
                assertEquals(0, shop.connectionsSharedByTwoPasses());
            } else {
                assertTrue(shop.connectionsSharedByTwoPasses() > 0, "the JDK client's pool knows no sessions");
            }
        }
    }

    @Test
    void sessionsKeepTheirConnectionsAlive() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(300).latency(java.time.Duration.ofMillis(30)).start()) {
            CrawlSummary s = crawl(Trawl.crawl().seeds(Seeds.urls(urls(shop).subList(0, PRODUCTS))).concurrency(12)
                    .perHost(50, java.time.Duration.ZERO).sessions(new SessionPolicy(true, 4, 100_000, 3)));
            assertEquals(PRODUCTS, s.counts().done());
            // 4 sessions at 12 requests at once: a few connections each, never one a request.
            assertTrue(shop.counters().connections() <= 4 * 12, "connections: " + shop.counters().connections());
        }
    }
}
