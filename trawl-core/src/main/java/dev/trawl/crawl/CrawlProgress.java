package dev.trawl.crawl;

import dev.trawl.internal.stats.CrawlStats;
import java.time.Duration;

/**
 * Where a running crawl stands, for a progress line.
 *
 * @param counts         the counters (done, failed by reason, requests, products...)
 * @param inFlight       requests on the wire now
 * @param queued         requests known and not yet started: in the scheduler and in the frontier
 * @param retriesWaiting requests waiting out a backoff or a Retry-After before their next attempt
 * @param elapsed        since the crawl started
 */
public record CrawlProgress(CrawlCounts counts, int inFlight, long queued, int retriesWaiting, Duration elapsed) {

    /** URLs known so far: those with an outcome, on the wire, and queued (grows while discovery finds more). */
    public long known() {
        return counts.finished() + inFlight + queued;
    }
}
