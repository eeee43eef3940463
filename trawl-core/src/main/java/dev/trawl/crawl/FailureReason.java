package dev.trawl.crawl;

/**
 * The closed set of reasons a URL can fail for. Each reason knows whether another attempt may
 * succeed; {@link #code()} is the stable lower-case name written to outcome files.
 */
public enum FailureReason {
    /** No response, or no complete response, within the connect, first-byte or total timeout. */
    TIMEOUT(true),
    /** The connection was refused. */
    REFUSED(true),
    /** The connection was reset or closed before the response was complete. */
    RESET(true),
    /** The host name did not resolve. */
    UNKNOWN_HOST(true),
    /** The TLS handshake failed. */
    TLS(false),
    /**
     * The server broke the HTTP protocol: no status line or a bad one (an HTTP/0.9 answer), a header
     * section past the caps (8 KiB a line, 100 lines, 64 KiB), a bad chunk, a 3xx with an empty
     * Location, ...
     */
    PROTOCOL(true),
    /** The body could not be decoded (a broken gzip or deflate stream). */
    DECODING(false),
    /** The body (after decoding) was larger than the size cap. */
    TOO_LARGE(false),
    /** More redirects than the limit, or a redirect loop. */
    TOO_MANY_REDIRECTS(false),
    /**
     * A redirect to a host the crawl may not go to, never requested: by default any host but the
     * one the request started from (with or without {@code www.}) and the allowed hosts
     * ({@code LinkRules.allowedHosts}, {@code --allow-host}); with {@code followOffsite} (or
     * {@code --allow-offsite}), still a link-local, unspecified or multicast IP address. The detail
     * names the host and why. Sitemap entries refused so get no outcome: a warning per sitemap
     * counts them.
     */
    OFFSITE(false),
    /**
     * The site blocked the request, on every attempt: a 401 or 403; a 429 or 503 without Retry-After
     * after the retries; a bot manager's challenge page or header (Cloudflare, DataDome, HUMAN/PerimeterX,
     * Akamai, AWS WAF, Amazon's robot check), whatever the status; or one of the user's own rules
     * ({@code --blocked-status}, {@code --blocked-text}, {@code --blocked-css}, a recipe's {@code blocked_if}).
     * The detail names the signal: {@code cloudflare challenge (403)}.
     */
    BLOCKED(true),
    /**
     * The proxy the request went through failed on every attempt: no connection to it, a refused
     * tunnel or password (407), a SOCKS handshake that failed. Each time, the proxy cools down and the
     * retry takes another session and proxy.
     */
    PROXY(true),
    /** The final HTTP status was not a success; retryable statuses failed on every attempt. */
    HTTP_STATUS(false),
    /** The seed was not a valid absolute URL. */
    INVALID_URL(false),
    /** The URL's scheme is not http or https. */
    UNSUPPORTED_SCHEME(false),
    /** The host's robots.txt disallows the URL (or could not be fetched, which RFC 9309 reads as disallowing all): never requested. */
    ROBOTS(false),
    /** The sitemap could not be read: not a sitemap, malformed XML, a DTD or external entity, too large. */
    BAD_SITEMAP(false),
    /** The extractor threw on this page. */
    EXTRACT_ERROR(false),
    /** Any other I/O error. */
    IO_ERROR(true),
    /** The crawl was stopped while this request was in flight: not an outcome (counted as stopped, kept pending in a store). */
    CANCELLED(false);

    private final boolean retryable;

    FailureReason(boolean retryable) {
        this.retryable = retryable;
    }

    /** Whether another attempt of the same request may succeed. */
    public boolean retryable() {
        return retryable;
    }

    /** Counts by reason as summaries write them, {@code "timeout 8, http_status 4"}, in the map's order; "" for none. */
    public static String describe(java.util.Map<FailureReason, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey().code() + " " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The stable lower-case name used in files and summaries, e.g. {@code too_large}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
