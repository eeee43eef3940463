package dev.trawl.crawl;

import java.time.Duration;

/**
 * The terminal outcome of one URL: every URL that enters a crawl ends in exactly one.
 */
public sealed interface Outcome permits Outcome.Done, Outcome.Failed {

    /** How many HTTP attempts were made, redirect hops included (0 for a URL never requested). */
    int attempts();

    /**
     * The page was fetched.
     *
     * @param status  the final HTTP status (2xx)
     * @param bytes   the decoded body size
     * @param elapsed the time of the last attempt, from request start to the body's last byte
     * @param finalUrl the URL after redirects
     * @param rendered whether the page was read from the DOM a browser built (else from the response as fetched)
     */
    record Done(int status, long bytes, Duration elapsed, int attempts, java.net.URI finalUrl, boolean rendered) implements Outcome {

        /** A page read as fetched. */
        public Done(int status, long bytes, Duration elapsed, int attempts, java.net.URI finalUrl) {
            this(status, bytes, elapsed, attempts, finalUrl, false);
        }
    }

    /**
     * The URL failed for good.
     *
     * @param reason why, from a closed set
     * @param detail a human-readable detail (never null), e.g. {@code "HTTP 404"} or {@code "no response within 2s"}
     * @param status the last HTTP status seen, or 0 if none
     */
    record Failed(FailureReason reason, String detail, int status, int attempts) implements Outcome {}
}
