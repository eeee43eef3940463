package dev.trawl.fetch;

import dev.trawl.crawl.FailureReason;

/** What one HTTP attempt gave: a complete response, or an error from the closed set. */
public sealed interface FetchResult permits FetchResult.Response, FetchResult.Error {

    /** Time from the attempt's start to its end, in nanoseconds. */
    long elapsedNanos();

    /**
     * A complete response; the body is decoded (gzip, deflate) and within the size cap, and empty
     * for a 304. Header values are null when absent; {@code etag} and {@code lastModified} are the
     * ETag and Last-Modified headers as sent, to be given back in {@link Validators}. {@code signals}
     * holds the headers by which bot managers say they intervened (names in lower case, e.g.
     * {@code cf-mitigated}), usually none; {@code setCookies} the {@code Set-Cookie} values, in a
     * session (see {@link Transport#fetch(java.net.URI, long, Validators, RequestSession)}).
     */
    record Response(int status, String contentType, String location, String retryAfter, String etag, String lastModified,
                    java.util.Map<String, String> signals, java.util.List<String> setCookies, byte[] body, long elapsedNanos)
            implements FetchResult {

        public Response {
            signals = java.util.Map.copyOf(signals);
            setCookies = java.util.List.copyOf(setCookies);
        }

        /** A response with no bot-manager headers and no cookies. */
        public Response(int status, String contentType, String location, String retryAfter, String etag, String lastModified,
                        byte[] body, long elapsedNanos) {
            this(status, contentType, location, retryAfter, etag, lastModified, java.util.Map.of(), java.util.List.of(), body,
                    elapsedNanos);
        }
    }

    /** The attempt failed before a complete response. */
    record Error(FailureReason reason, String detail, long elapsedNanos) implements FetchResult {}
}
