package dev.trawl.internal.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a request again: on 408, 429, 500, 502, 503, 504 and on retryable I/O failures, up
 * to {@code maxRetries} times, after an exponential backoff with jitter, or exactly after the
 * server's Retry-After when it sends one (up to {@code maxRetryAfter}).
 *
 * @param maxRetries    retries after the first attempt (0: never retry)
 * @param baseDelay     the first backoff; each further retry doubles it
 * @param maxDelay      the backoff's ceiling
 * @param maxRetryAfter a longer Retry-After fails the request instead of stalling the crawl
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("retries must be ≥ 0, was " + maxRetries);
        }
    }

    public static boolean retryableStatus(int status) {
        return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    /**
     * The backoff before retry number {@code retry} (1 for the first retry): equal jitter,
     * uniformly between half and all of {@code baseDelay × 2^(retry-1)}, capped at maxDelay.
     */
    public long backoffNanos(int retry) {
        long ceiling = Math.min(maxDelay.toNanos(), baseDelay.toNanos() << Math.min(retry - 1, 30));
        long half = ceiling / 2;
        return half + ThreadLocalRandom.current().nextLong(half + 1);
    }

    /**
     * Parses a Retry-After value, delta-seconds or an HTTP-date, relative to {@code now}.
     * Empty when absent or unreadable; a date in the past gives zero.
     */
    public static Optional<Duration> parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
