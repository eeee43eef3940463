package dev.trawl.cli;

import dev.trawl.crawl.CrawlCounts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trawl.crawl.CrawlProgress;
import dev.trawl.crawl.FailureReason;
import dev.trawl.internal.stats.CrawlStats;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    private static CrawlProgress at(long done, Map<FailureReason, Long> failed, int inFlight, long queued, int waiting, long seconds) {
        return new CrawlProgress(new CrawlCounts(done, failed, 0, 0, 0, 0, 0, 0, Map.of(), java.util.List.of(), new java.util.TreeMap<>(), 0, java.util.List.of()), inFlight, queued, waiting,
                Duration.ofSeconds(seconds));
    }

    @Test
    void saysDoneOfKnownRatesInFlightRetriesFailuresAndEta() {
        CrawlProgress then = at(1_000, Map.of(), 64, 9_000, 0, 10);
        CrawlProgress now = at(1_900, Map.of(FailureReason.TIMEOUT, 8L, FailureReason.HTTP_STATUS, 92L, FailureReason.RESET, 1L,
                FailureReason.ROBOTS, 3L), 64, 7_900, 3, 13);
        // 2,004 finished of 9,968 known; 1,004 in the last 3 s; the 7,964 left at ~335/s take ~24 s
        assertEquals("2004 done of 9968 known, 335 pages/s (avg 154), 64 in flight, 3 retries waiting, "
                + "104 failed (http_status 92, timeout 8, robots 3), ETA 24s", ProgressLine.render(now, then));
    }

    @Test
    void whenEveryProxyIsCoolingDownTheLineSaysTheCrawlWaitsAndUntilWhen() {
        java.time.Instant soon = java.time.Instant.now().plusSeconds(90);
        java.time.Instant later = soon.plusSeconds(60);
        dev.trawl.crawl.ProxyCounts a = new dev.trawl.crawl.ProxyCounts("http://ana:***@127.0.0.1:3128", 2, 40, 3, 1, Duration.ofMillis(5),
                soon, "connection refused");
        dev.trawl.crawl.ProxyCounts b = new dev.trawl.crawl.ProxyCounts("socks5://127.0.0.1:1080", 2, 40, 3, 0, Duration.ofMillis(5),
                later, "blocked 3 times in a row");
        CrawlProgress then = at(10, Map.of(), 0, 90, 0, 10);
        CrawlProgress cooling = new CrawlProgress(then.counts(), 0, 90, 0, Duration.ofSeconds(13), java.util.List.of(a, b));
        String until = soon.atZone(java.time.ZoneId.systemDefault()).toLocalTime().withNano(0).toString();
        assertEquals(soon, cooling.waitingForAProxyUntil());
        org.junit.jupiter.api.Assertions.assertTrue(ProgressLine.render(cooling, then).contains(", waiting: every proxy cooling down until " + until + ","),
                ProgressLine.render(cooling, then));
        CrawlProgress oneActive = new CrawlProgress(then.counts(), 0, 90, 0, Duration.ofSeconds(13),
                java.util.List.of(a, new dev.trawl.crawl.ProxyCounts("socks5://127.0.0.1:1080", 2, 40, 0, 0, Duration.ofMillis(5), null, null)));
        org.junit.jupiter.api.Assertions.assertFalse(ProgressLine.render(oneActive, then).contains("every proxy"));
        String metrics = dev.trawl.internal.stats.PrometheusText.format(cooling);
        org.junit.jupiter.api.Assertions.assertTrue(metrics.contains("trawl_proxy_requests_total{proxy=\"http://ana:***@127.0.0.1:3128\"} 40\n"), metrics);
        org.junit.jupiter.api.Assertions.assertTrue(metrics.contains("trawl_proxy_cooling_down{proxy=\"socks5://127.0.0.1:1080\"} 1\n"), metrics);
    }
}
