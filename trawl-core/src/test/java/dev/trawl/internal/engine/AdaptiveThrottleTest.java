package dev.trawl.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.crawl.Crawl;
import dev.trawl.crawl.CrawlSummary;
import dev.trawl.crawl.Seeds;
import dev.trawl.Trawl;
import dev.trawl.demoshop.DemoShop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Adaptive concurrency against a shop that answers 429 (with no Retry-After) above K requests at once. */
class AdaptiveThrottleTest {
    private static final int K = 4;

    @Test
    void settlesNearTheShopsLimitWithoutHammeringIt() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(1_000).latency(Duration.ofMillis(20)).throttleAbove(K).start()) {
            // Fixed at 16 per host, for comparison: most of every wave is refused.
            CrawlEngineTest.crawl(Trawl.crawl().seeds(Seeds.urls(CrawlEngineTest.productUrls(shop, 0, 200))).perHost(16, Duration.ZERO)
                    .retries(30).backoff(Duration.ofMillis(10)));
            long fixedRefused = shop.counters().byStatus().getOrDefault(429, 0L);
            double fixedRate = fixedRefused / (double) shop.counters().requests();

            shop.resetCounters();
            List<Long> inFlight = new ArrayList<>();
            CrawlSummary s;
            try (Crawl crawl = Trawl.crawl().seeds(Seeds.urls(CrawlEngineTest.productUrls(shop, 200, 1_000))).perHost(16, Duration.ZERO)
                    .retries(30).backoff(Duration.ofMillis(10)).adaptive(true).start()) {
                while (crawl.progress().counts().finished() < 800) {
                    inFlight.add(shop.counters().inFlight()); // what the server counts, sampled
                    Thread.sleep(5);
                }
                s = crawl.await();
            }
            assertEquals(800, s.counts().done());
            long refused = shop.counters().byStatus().getOrDefault(429, 0L);
            double rate = refused / (double) shop.counters().requests();
            // AIMD probes the limit now and then: a few refusals are how it knows where the limit is
            assertTrue(rate < 0.10, "adaptive: " + refused + " of " + shop.counters().requests() + " refused");
            assertTrue(rate < fixedRate / 4, "adaptive refused " + rate + ", fixed " + fixedRate);
            // sampled in flight at the shop, after the first second's search: around K, never far above it
            List<Long> settled = inFlight.subList(Math.min(inFlight.size() / 4, 200), inFlight.size()).stream().sorted().toList();
            long median = settled.get(settled.size() / 2);
            assertTrue(median >= K / 2 && median <= K + 1, "median in flight " + median + " for a limit of " + K + ": " + settled);
        }
    }
}
