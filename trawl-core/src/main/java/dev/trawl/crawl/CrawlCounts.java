package dev.trawl.crawl;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A crawl's counters at one moment: URLs done and failed (by reason), requests, bytes, products, statuses, hosts. */
/**
 * @param failedByReason URLs failed, by reason; never {@link FailureReason#CANCELLED}: those are {@code stopped}
 * @param stopped       URLs in flight when the crawl was stopped: no outcome (a store keeps them pending for the next crawl)
 * @param attempts      HTTP requests sent, retries and redirect hops included
 * @param latencyMicros the attempts' latency histogram: each bucket's upper bound in µs, and its count
 * @param noProduct     of the done, product URLs (sitemap entries, listed URLs, pages a recipe matches) that answered
 *                      200 with no product: soft blocks show here even when no rule names them
 * @param noProductExamples a few of those, the smallest bodies first ({@code URL (812 bytes)})
 */
public record CrawlCounts(long done, Map<FailureReason, Long> failedByReason, long stopped, long attempts, long retries, long redirects,
                       long bytes, long products, Map<Integer, Long> byStatus, List<HostCounts> hosts,
                       java.util.SortedMap<Long, Long> latencyMicros, long noProduct, List<String> noProductExamples) {

    public CrawlCounts {
        noProductExamples = List.copyOf(noProductExamples);
    }
    public long failed() {
        return failedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** URLs with a terminal outcome. */
    public long finished() {
        return done + failed();
    }
}
