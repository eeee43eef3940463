package dev.trawl.internal.stats;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in log-linear buckets (eight a power of two, so within 12.5 %), from 1 µs to about
 * 18 minutes, counted without locks. Percentiles are the upper bound of their bucket.
 */
public final class LatencyHistogram {
    private static final int SUB = 8;
    private static final int POWERS = 40;
    private final AtomicLongArray counts = new AtomicLongArray(SUB * POWERS);

    public void record(long nanos) {
        counts.incrementAndGet(bucket(Math.max(1, nanos / 1_000)));
    }

    /** The {@code q} quantile (0 to 1), or zero when nothing was recorded. */
    public Duration percentile(double q) {
        long total = 0;
        for (int i = 0; i < counts.length(); i++) {
            total += counts.get(i);
        }
        if (total == 0) {
            return Duration.ZERO;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < counts.length(); i++) {
            seen += counts.get(i);
            if (seen >= Math.max(1, rank)) {
                return Duration.ofNanos(upperMicros(i) * 1_000);
            }
        }
        return Duration.ofNanos(upperMicros(counts.length() - 1) * 1_000);
    }

    /** Non-empty buckets: the upper bound of each in microseconds, and its count, in order. */
    java.util.SortedMap<Long, Long> buckets() {
        java.util.SortedMap<Long, Long> out = new java.util.TreeMap<>();
        for (int i = 0; i < counts.length(); i++) {
            long n = counts.get(i);
            if (n > 0) {
                out.put(upperMicros(i), n);
            }
        }
        return out;
    }

    static int bucket(long micros) {
        int power = 63 - Long.numberOfLeadingZeros(micros);
        if (power < 3) {
            return (int) micros; // 1..7 µs: one bucket each
        }
        int sub = (int) ((micros >>> (power - 3)) & (SUB - 1));
        return Math.min(SUB * POWERS - 1, SUB * (power - 2) + sub);
    }

    /** The largest value in microseconds that falls in bucket {@code i}. */
    static long upperMicros(int i) {
        if (i < SUB) {
            return i;
        }
        int power = i / SUB + 2;
        int sub = i % SUB;
        return ((long) (SUB + sub + 1) << (power - 3)) - 1;
    }
}
