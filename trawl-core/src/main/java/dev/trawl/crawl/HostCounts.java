package dev.trawl.crawl;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One host's figures (the host a URL was seeded on; a URL that never had one counts under {@code -}).
 *
 * @param requests HTTP attempts, robots.txt, retries and redirect hops included
 * @param busy     the attempts' durations added up: over the crawl's elapsed time, its effective concurrency
 */
public record HostCounts(String host, long done, long products, Map<FailureReason, Long> failedByReason, long requests,
                           long bytes, Duration p50, Duration p95, Duration p99, Duration busy) {
    public long failed() {
        return failedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Requests in flight to this host on average over {@code elapsed}: its time busy over the time. */
    public double concurrency(Duration elapsed) {
        return busy.toNanos() / (double) Math.max(1, elapsed.toNanos());
    }
}
