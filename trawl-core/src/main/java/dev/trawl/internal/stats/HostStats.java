package dev.trawl.internal.stats;

import dev.trawl.crawl.HostCounts;

import dev.trawl.crawl.FailureReason;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** One host's counters: pages, products, failures by reason, requests, bytes, time busy and a latency histogram. */
final class HostStats {
    private final String host;
    private final LongAdder done = new LongAdder();
    private final LongAdder products = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder busyNanos = new LongAdder();
    private final LongAdder[] failed = new LongAdder[FailureReason.values().length];
    private final LatencyHistogram latency = new LatencyHistogram();

    HostStats(String host) {
        this.host = host;
        for (int i = 0; i < failed.length; i++) {
            failed[i] = new LongAdder();
        }
    }

    void attempt(long bodyBytes, long elapsedNanos) {
        requests.increment();
        bytes.add(bodyBytes);
        busyNanos.add(elapsedNanos);
        latency.record(elapsedNanos);
    }

    void done(int productCount) {
        done.increment();
        products.add(productCount);
    }

    void failed(FailureReason reason) {
        failed[reason.ordinal()].increment();
    }

    HostCounts snapshot() {
        Map<FailureReason, Long> byReason = new EnumMap<>(FailureReason.class);
        for (FailureReason r : FailureReason.values()) {
            long n = failed[r.ordinal()].sum();
            if (n > 0) {
                byReason.put(r, n);
            }
        }
        return new HostCounts(host, done.sum(), products.sum(), byReason, requests.sum(), bytes.sum(),
                latency.percentile(0.50), latency.percentile(0.95), latency.percentile(0.99), Duration.ofNanos(busyNanos.sum()));
    }
}
