package dev.trawl.internal.fetch;

import dev.trawl.fetch.FetchResult;
import dev.trawl.fetch.FetchSettings;

import dev.trawl.crawl.FailureReason;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;

/** Maps what a transport threw to a reason from the closed set, with a short detail for people. */
final class Failures {
    private Failures() {}

    /** Thrown by {@link Bodies} when the decoded body passes the cap. */
    static final class TooLarge extends java.io.IOException {
        TooLarge(long cap) {
            super("body larger than " + cap + " bytes");
        }
    }

    static FetchResult.Error classify(Throwable e, FetchSettings settings, long elapsedNanos) {
        Throwable t = unwrap(e);
        String msg = String.valueOf(t.getMessage());
        String lower = msg.toLowerCase(Locale.ROOT);
        FailureReason reason;
        String detail;
        if (t instanceof TooLarge) {
            reason = FailureReason.TOO_LARGE;
            detail = msg;
        } else if (t instanceof HttpConnectTimeoutException || t.getClass().getSimpleName().equals("ConnectTimeoutException")
                || (t instanceof SocketTimeoutException && lower.contains("connect"))) {
            reason = FailureReason.TIMEOUT;
            detail = "no connection within " + Durations.format(settings.connectTimeout());
        } else if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException) {
            reason = FailureReason.TIMEOUT;
            detail = "no response data within " + Durations.format(settings.responseTimeout());
        } else if (t instanceof UnknownHostException) {
            reason = FailureReason.UNKNOWN_HOST;
            detail = "unknown host " + msg;
        } else if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
            reason = FailureReason.REFUSED;
            detail = "connection refused";
        } else if (t instanceof SSLException) {
            reason = FailureReason.TLS;
            detail = msg;
        } else if (t instanceof ZipException || lower.contains("gzip") || lower.contains("inflat")) {
            reason = FailureReason.DECODING;
            detail = "cannot decode body: " + msg;
        } else if (t instanceof SocketException && lower.contains("reset")) {
            reason = FailureReason.RESET;
            detail = "connection reset";
        } else if (t.getClass().getSimpleName().equals("ConnectionClosedException") || lower.contains("premature")
                || lower.contains("closed") || lower.contains("eof") || t instanceof java.io.EOFException) {
            reason = FailureReason.RESET;
            detail = "connection closed before the response was complete";
        } else if (t instanceof org.apache.hc.core5.http.HttpException || lower.contains("chunk") || lower.contains("protocol")
                || lower.contains("invalid") || lower.contains("malformed")) {
            reason = FailureReason.PROTOCOL;
            detail = t.getClass().getSimpleName() + ": " + msg;
        } else if (t instanceof InterruptedIOException) {
            reason = FailureReason.CANCELLED;
            detail = "interrupted";
        } else {
            reason = FailureReason.IO_ERROR;
            detail = t.getClass().getSimpleName() + ": " + msg;
        }
        return new FetchResult.Error(reason, detail, elapsedNanos);
    }

    static FetchResult.Error totalTimeout(FetchSettings settings, long elapsedNanos) {
        return new FetchResult.Error(FailureReason.TIMEOUT,
                "no complete response within " + Durations.format(settings.totalTimeout()), elapsedNanos);
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.ExecutionException || t instanceof java.util.concurrent.CompletionException
                || t instanceof java.io.UncheckedIOException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
