package dev.trawl.render.internal;

import dev.trawl.crawl.FailureReason;

/** Chromium's navigation errors ({@code net::ERR_...}, Page.navigate's errorText) in trawl's closed set of reasons. */
final class NetErrors {

    private NetErrors() {}

    static FailureReason reason(String errorText) {
        String e = errorText.startsWith("net::") ? errorText.substring(5) : errorText;
        return switch (e) {
            case "ERR_CONNECTION_REFUSED", "ERR_ADDRESS_UNREACHABLE" -> FailureReason.REFUSED;
            case "ERR_TIMED_OUT", "ERR_CONNECTION_TIMED_OUT" -> FailureReason.TIMEOUT;
            case "ERR_NAME_NOT_RESOLVED", "ERR_NAME_RESOLUTION_FAILED" -> FailureReason.UNKNOWN_HOST;
            case "ERR_CONNECTION_RESET", "ERR_CONNECTION_CLOSED", "ERR_CONNECTION_ABORTED", "ERR_EMPTY_RESPONSE" ->
                    FailureReason.RESET;
            case "ERR_TOO_MANY_REDIRECTS" -> FailureReason.TOO_MANY_REDIRECTS;
            case "ERR_CONTENT_DECODING_FAILED" -> FailureReason.DECODING;
            case "ERR_INVALID_HTTP_RESPONSE", "ERR_RESPONSE_HEADERS_TOO_BIG", "ERR_INVALID_CHUNKED_ENCODING",
                 "ERR_RESPONSE_HEADERS_MULTIPLE_LOCATION", "ERR_INVALID_REDIRECT" -> FailureReason.PROTOCOL;
            case "ERR_PROXY_CONNECTION_FAILED", "ERR_TUNNEL_CONNECTION_FAILED", "ERR_PROXY_AUTH_REQUESTED" ->
                    FailureReason.PROXY;
            case "ERR_BLOCKED_BY_CLIENT", "ERR_BLOCKED_BY_RESPONSE" -> FailureReason.BLOCKED;
            default -> e.startsWith("ERR_CERT_") || e.startsWith("ERR_SSL_") ? FailureReason.TLS
                    : e.startsWith("ERR_INVALID_URL") || e.startsWith("ERR_UNKNOWN_URL_SCHEME") ? FailureReason.INVALID_URL
                    : FailureReason.IO_ERROR;
        };
    }
}
