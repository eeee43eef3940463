package dev.trawl.crawl;

import java.time.Duration;
import java.time.Instant;

/**
 * How one proxy fared in a crawl.
 *
 * @param proxy        the proxy, its password masked ({@code http://user:***@host:port})
 * @param sessions     sessions that went through it
 * @param requests     requests sent through it
 * @param blocked      of those, responses that were blocks
 * @param errors       times the proxy itself failed (no connection, a refused tunnel or password)
 * @param p50          median latency of its responses
 * @param coolingUntil when it is tried again, if it is cooling down now; null when it is active
 * @param lastProblem  why it last cooled down; null if it never did
 */
public record ProxyCounts(String proxy, long sessions, long requests, long blocked, long errors, Duration p50, Instant coolingUntil,
                          String lastProblem) {

    /** {@code active}, or {@code cooling down until 12:04:31 (connection refused)}. */
    public String state() {
        if (coolingUntil == null) {
            return lastProblem == null ? "active" : "active (last cooled down: " + lastProblem + ")";
        }
        return "cooling down until " + java.time.format.DateTimeFormatter.ISO_LOCAL_TIME
                .format(coolingUntil.atZone(java.time.ZoneId.systemDefault()).toLocalTime().withNano(0))
                + (lastProblem == null ? "" : " (" + lastProblem + ")");
    }
}
