package dev.trawl.internal.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void readsRetryAfterInSecondsAndAsAnHttpDate() {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        assertEquals(Optional.of(Duration.ofSeconds(120)), RetryPolicy.parseRetryAfter(" 120 ", now));
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(7).atOffset(ZoneOffset.UTC));
        assertEquals(Optional.of(Duration.ofSeconds(7)), RetryPolicy.parseRetryAfter(date, now));
        assertEquals(Optional.of(Duration.ZERO), RetryPolicy.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now));
        assertEquals(Optional.empty(), RetryPolicy.parseRetryAfter("soon", now));
        assertEquals(Optional.empty(), RetryPolicy.parseRetryAfter(null, now));
    }

    @Test
    void backoffDoublesWithJitterAndStopsAtTheCeiling() {
        RetryPolicy p = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofMinutes(1));
        for (int i = 0; i < 200; i++) {
            long first = p.backoffNanos(1);
            long third = p.backoffNanos(3);
            long tenth = p.backoffNanos(10);
            assertTrue(first >= 50_000_000 && first <= 100_000_000, "first " + first);
            assertTrue(third >= 200_000_000 && third <= 400_000_000, "third " + third);
            assertTrue(tenth >= 500_000_000 && tenth <= 1_000_000_000L, "tenth " + tenth);
        }
    }

    @Test
    void retriesExactlyTheTransientStatuses() {
        for (int s : new int[] {408, 429, 500, 502, 503, 504}) {
            assertTrue(RetryPolicy.retryableStatus(s), "status " + s);
        }
        for (int s : new int[] {200, 301, 400, 401, 403, 404, 410, 501}) {
            assertTrue(!RetryPolicy.retryableStatus(s), "status " + s);
        }
    }
}
