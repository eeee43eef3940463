package dev.trawl.internal.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
    @Test
    void everyValueFallsInABucketWhoseUpperBoundIsWithinAnEighthAbove() {
        for (long micros = 1; micros < 50_000_000; micros = micros * 11 / 10 + 1) {
            int b = LatencyHistogram.bucket(micros);
            long upper = LatencyHistogram.upperMicros(b);
            assertTrue(upper >= micros, micros + " → " + upper);
            assertTrue(upper <= micros + micros / 8 + 1, micros + " → " + upper);
            assertTrue(b == 0 || LatencyHistogram.upperMicros(b - 1) < micros, micros + " in bucket " + b);
        }
    }

    @Test
    void percentilesOfAKnownSpread() {
        LatencyHistogram h = new LatencyHistogram();
        for (int ms = 1; ms <= 100; ms++) {
            h.record(Duration.ofMillis(ms).toNanos());
        }
        assertWithin(50, h.percentile(0.50));
        assertWithin(95, h.percentile(0.95));
        assertWithin(99, h.percentile(0.99));
        assertEquals(Duration.ZERO, new LatencyHistogram().percentile(0.5));
    }

    private static void assertWithin(long expectedMs, Duration got) {
        double ms = got.toNanos() / 1e6;
        assertTrue(ms >= expectedMs && ms <= expectedMs * 1.13, "expected ~" + expectedMs + " ms, got " + ms);
    }
}
