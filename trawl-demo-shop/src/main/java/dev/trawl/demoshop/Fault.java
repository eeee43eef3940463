package dev.trawl.demoshop;

/** The failures the demo shop can inject, by rate on product pages or at {@code /fault/...} paths. */
public enum Fault {
    /** HTTP 500. */
    SERVER_ERROR_500,
    /** HTTP 503 without Retry-After. */
    UNAVAILABLE_503,
    /** HTTP 429 with Retry-After, as delta-seconds or as an HTTP-date. */
    TOO_MANY_REQUESTS_429,
    /** Headers and half the body, then a TCP reset. */
    RESET_MID_BODY,
    /** Headers and part of the body, then nothing more until the client gives up. */
    HANG,
    /** The body a few bytes every 100 ms: minutes for one page. */
    SLOW_DRIP,
    /** A close-delimited body that goes on for 64 MB. Persistent: a retry meets it again. */
    OVERSIZED,
    /** 302 to a second URL that 302s back, forever. Persistent. */
    REDIRECT_LOOP;

    /** Whether the fault stays whatever the attempt (it is the page, not a passing failure). */
    boolean persistent() {
        return this == OVERSIZED || this == REDIRECT_LOOP;
    }
}
