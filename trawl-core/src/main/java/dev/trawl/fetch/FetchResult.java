package dev.trawl.fetch;

import dev.trawl.FailureReason;

/** What one HTTP attempt gave: a complete response, or an error from the closed set. */
public sealed interface FetchResult permits FetchResult.Response, FetchResult.Error {

    /** Time from the attempt's start to its end, in nanoseconds. */
    long elapsedNanos();

    /**
     * A complete response; the body is decoded (gzip, deflate) and within the size cap.
     * Header values are null when absent.
     */
    record Response(int status, String contentType, String location, String retryAfter, byte[] body, long elapsedNanos)
            implements FetchResult {}

    /** The attempt failed before a complete response. */
    record Error(FailureReason reason, String detail, long elapsedNanos) implements FetchResult {}
}
