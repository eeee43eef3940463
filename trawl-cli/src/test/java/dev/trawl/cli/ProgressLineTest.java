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
}
