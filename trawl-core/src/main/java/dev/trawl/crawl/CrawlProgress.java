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
 * @param proxies        how each proxy fares now, its password masked (empty without proxies)
 */
public record CrawlProgress(CrawlCounts counts, int inFlight, long queued, int retriesWaiting, Duration elapsed,
                            java.util.List<ProxyCounts> proxies) {

    public CrawlProgress {
        proxies = proxies == null ? java.util.List.of() : java.util.List.copyOf(proxies);
    }

    /** Progress of a crawl with no proxies. */
    public CrawlProgress(CrawlCounts counts, int inFlight, long queued, int retriesWaiting, Duration elapsed) {
        this(counts, inFlight, queued, retriesWaiting, elapsed, java.util.List.of());
    }

    /** When every proxy is cooling down (the crawl waits): when the first is tried again; null otherwise. */
    public java.time.Instant waitingForAProxyUntil() {
        if (proxies.isEmpty() || proxies.stream().anyMatch(p -> p.coolingUntil() == null)) {
            return null;
        }
        return proxies.stream().map(ProxyCounts::coolingUntil).min(java.util.Comparator.naturalOrder()).orElseThrow();
    }

    /** URLs known so far: those with an outcome, on the wire, and queued (grows while discovery finds more). */
    public long known() {
        return counts.finished() + inFlight + queued;
    }
}
