package dev.trawl.internal.stats;

import dev.trawl.crawl.CrawlCounts;
import dev.trawl.crawl.HostCounts;

import dev.trawl.crawl.FailureReason;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Live counters of one crawl (DESIGN.md, data flow step 8), updated from many threads without locks. */
public final class CrawlStats {
    private final LongAdder attempts = new LongAdder();
    private final LongAdder stopped = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder redirects = new LongAdder();
    private final LongAdder done = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder products = new LongAdder();
    private final LongAdder[] failed = new LongAdder[FailureReason.values().length];
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final Map<String, HostStats> hosts = new ConcurrentHashMap<>();
    private final LatencyHistogram latency = new LatencyHistogram();
    private final EmptyPages empty = new EmptyPages();

    public CrawlStats() {
        for (int i = 0; i < failed.length; i++) {
            failed[i] = new LongAdder();
        }
    }

    /** One HTTP attempt to {@code host} ended: its status (0 for none), body size and duration. */
    public void attempt(String host, int status, long bodyBytes, long elapsedNanos) {
        host(host).attempt(bodyBytes, elapsedNanos);
        latency.record(elapsedNanos);
        attempts.increment();
        bytes.add(bodyBytes);
        if (status > 0) {
            statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
        }
    }

    public void retry() {
        retries.increment();
    }

    public void redirect() {
        redirects.increment();
    }

    public void done(String host, int productCount) {
        host(host).done(productCount);
        done.increment();
        products.add(productCount);
    }

    /** A product URL answered 200 and gave no product: a soft block, or a page that is not what it was taken for. */
    public void noProduct(String url, long bodyBytes) {
        empty.add(url, bodyBytes);
    }

    public void failed(String host, FailureReason reason) {
        if (reason == FailureReason.CANCELLED) {
            stopped.increment(); // not an outcome: stopped in flight
            return;
        }
        host(host).failed(reason);
        failed[reason.ordinal()].increment();
    }

    private HostStats host(String host) {
        return hosts.computeIfAbsent(host, HostStats::new);
    }

    /** A consistent-enough copy of the counters (each counter is exact; they are read one by one). */
    public CrawlCounts snapshot() {
        Map<FailureReason, Long> byReason = new EnumMap<>(FailureReason.class);
        for (FailureReason r : FailureReason.values()) {
            long n = failed[r.ordinal()].sum();
            if (n > 0) {
                byReason.put(r, n);
            }
        }
        Map<Integer, Long> byStatus = new TreeMap<>();
        statuses.forEach((s, n) -> byStatus.put(s, n.sum()));
        List<HostCounts> perHost = hosts.values().stream().map(HostStats::snapshot)
                .sorted(java.util.Comparator.comparing(HostCounts::host)).toList();
        return new CrawlCounts(done.sum(), byReason, stopped.sum(), attempts.sum(), retries.sum(), redirects.sum(), bytes.sum(), products.sum(), byStatus,
                perHost, latency.buckets(), empty.count(), empty.examples());
    }
}
