package dev.trawl.stats;

import dev.trawl.FailureReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Live counters of one crawl, updated from many threads without locks. */
public final class CrawlStats {
    private final LongAdder attempts = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder redirects = new LongAdder();
    private final LongAdder done = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder products = new LongAdder();
    private final LongAdder[] failed = new LongAdder[FailureReason.values().length];
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();

    public CrawlStats() {
        for (int i = 0; i < failed.length; i++) {
            failed[i] = new LongAdder();
        }
    }

    public void attempt(int status, long bodyBytes) {
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

    public void done(int productCount) {
        done.increment();
        products.add(productCount);
    }

    public void failed(FailureReason reason) {
        failed[reason.ordinal()].increment();
    }

    /** A consistent-enough copy of the counters (each counter is exact; they are read one by one). */
    public Snapshot snapshot() {
        Map<FailureReason, Long> byReason = new EnumMap<>(FailureReason.class);
        for (FailureReason r : FailureReason.values()) {
            long n = failed[r.ordinal()].sum();
            if (n > 0) {
                byReason.put(r, n);
            }
        }
        Map<Integer, Long> byStatus = new TreeMap<>();
        statuses.forEach((s, n) -> byStatus.put(s, n.sum()));
        return new Snapshot(done.sum(), byReason, attempts.sum(), retries.sum(), redirects.sum(), bytes.sum(), products.sum(), byStatus);
    }

    /**
     * @param attempts HTTP requests sent, retries and redirect hops included
     */
    public record Snapshot(long done, Map<FailureReason, Long> failedByReason, long attempts, long retries, long redirects,
                           long bytes, long products, Map<Integer, Long> byStatus) {
        public long failed() {
            return failedByReason.values().stream().mapToLong(Long::longValue).sum();
        }

        /** URLs with a terminal outcome. */
        public long finished() {
            return done + failed();
        }
    }
}
