package dev.trawl.internal.fetch;

import dev.trawl.crawl.FailureReason;
import dev.trawl.fetch.FetchResult;
import dev.trawl.fetch.FetchSettings;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;

/**
 * Maps what a transport threw to a reason from the closed set, by the exception's type: each
 * transport has a table of types (its client's own first, then the JDK's), read in order, the
 * first type the exception or one of its causes is an instance of deciding. The detail is for
 * people; the reason never depends on a message's wording.
 */
final class Failures {

    /** Thrown by {@link Bodies} when the decoded body passes the cap. */
    static final class TooLarge extends IOException {
        TooLarge(long cap) {
            super("body larger than " + cap + " bytes");
        }
    }

    /** Exceptions of {@code type} (or a subtype) mean {@code reason}; {@code detail} says it for people. */
    record Rule(Class<? extends Throwable> type, FailureReason reason, BiFunction<Throwable, FetchSettings, String> detail) {}

    private static final List<Rule> JDK_TYPES = List.of(
            new Rule(TooLarge.class, FailureReason.TOO_LARGE, (t, s) -> t.getMessage()),
            new Rule(HeaderLimits.TooLarge.class, FailureReason.PROTOCOL, (t, s) -> t.getMessage()),
            new Rule(HttpConnectTimeoutException.class, FailureReason.TIMEOUT, Failures::noConnection),
            new Rule(HttpTimeoutException.class, FailureReason.TIMEOUT, Failures::noData),
            new Rule(SocketTimeoutException.class, FailureReason.TIMEOUT, Failures::noData),
            new Rule(UnknownHostException.class, FailureReason.UNKNOWN_HOST, (t, s) -> "unknown host " + t.getMessage()),
            // The JDK client's: a ConnectException caused by this.
            new Rule(UnresolvedAddressException.class, FailureReason.UNKNOWN_HOST, (t, s) -> "unknown host"),
            new Rule(ConnectException.class, FailureReason.REFUSED, (t, s) -> "connection refused"),
            new Rule(NoRouteToHostException.class, FailureReason.REFUSED, (t, s) -> "no route to host"),
            new Rule(SSLException.class, FailureReason.TLS, (t, s) -> untrusted(t.getMessage())),
            new Rule(ZipException.class, FailureReason.DECODING, (t, s) -> "cannot decode body: " + t.getMessage()),
            new Rule(ProtocolException.class, FailureReason.PROTOCOL, Failures::named),
            new Rule(SocketException.class, FailureReason.RESET, (t, s) -> "connection reset: " + t.getMessage()),
            new Rule(EOFException.class, FailureReason.RESET, (t, s) -> "connection closed before the response was complete"),
            new Rule(InterruptedIOException.class, FailureReason.CANCELLED, (t, s) -> "interrupted"));

    /** Apache HttpClient 5's own exceptions, before the JDK's they extend. */
    static final List<Rule> APACHE = Stream.concat(Stream.of(
            new Rule(TooLarge.class, FailureReason.TOO_LARGE, (t, s) -> t.getMessage()),
            new Rule(org.apache.hc.client5.http.impl.TunnelRefusedException.class, FailureReason.PROXY,
                    (t, s) -> "the proxy refused the tunnel: " + t.getMessage()),
            new Rule(org.apache.hc.client5.http.ConnectTimeoutException.class, FailureReason.TIMEOUT, Failures::noConnection),
            new Rule(org.apache.hc.client5.http.HttpHostConnectException.class, FailureReason.REFUSED, (t, s) -> "connection refused"),
            new Rule(org.apache.hc.core5.http.TruncatedChunkException.class, FailureReason.RESET,
                    (t, s) -> "connection closed before the response was complete"),
            new Rule(org.apache.hc.core5.http.ConnectionClosedException.class, FailureReason.RESET,
                    (t, s) -> "connection closed before the response was complete"),
            new Rule(org.apache.hc.core5.http.NoHttpResponseException.class, FailureReason.RESET,
                    (t, s) -> "connection closed before the response was complete"),
            new Rule(org.apache.hc.core5.http.MalformedChunkCodingException.class, FailureReason.PROTOCOL, Failures::named),
            new Rule(org.apache.hc.core5.http.MessageConstraintException.class, FailureReason.PROTOCOL, Failures::named),
            new Rule(org.apache.hc.core5.http.HttpException.class, FailureReason.PROTOCOL, Failures::named),
            new Rule(org.apache.hc.client5.http.ClientProtocolException.class, FailureReason.PROTOCOL, Failures::named)),
            JDK_TYPES.stream()).toList();

    /** The JDK's java.net.http client. */
    static final List<Rule> JDK = JDK_TYPES;

    private Failures() {}

    /** The failure {@code e} means by {@code rules}; an exception no rule names is {@code io_error}. */
    static FetchResult.Error classify(List<Rule> rules, Throwable e, FetchSettings settings, long elapsedNanos) {
        for (Rule rule : rules) {
            for (Throwable t = unwrap(e); t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (rule.type().isInstance(t)) {
                    return new FetchResult.Error(rule.reason(), rule.detail().apply(t, settings), elapsedNanos);
                }
            }
        }
        return new FetchResult.Error(FailureReason.IO_ERROR, named(unwrap(e), settings), elapsedNanos);
    }

    static FetchResult.Error totalTimeout(FetchSettings settings, long elapsedNanos) {
        return new FetchResult.Error(FailureReason.TIMEOUT,
                "no complete response within " + Durations.format(settings.totalTimeout()), elapsedNanos);
    }

    private static String noConnection(Throwable t, FetchSettings s) {
        return "no connection within " + Durations.format(s.connectTimeout());
    }

    private static String noData(Throwable t, FetchSettings s) {
        return "no response data within " + Durations.format(s.responseTimeout());
    }

    private static String named(Throwable t, FetchSettings s) {
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof ExecutionException || t instanceof CompletionException || t instanceof java.io.UncheckedIOException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** A certificate no authority vouches for says so plainly, and how to trust it; another TLS failure as the JDK said it. */
    private static String untrusted(String message) {
        if (message != null && message.contains("PKIX path building failed")) {
            return "certificate not trusted (no path to a trusted authority): trust it with --ca-cert FILE"
                    + " (CrawlBuilder.trustCertificates)";
        }
        return message;
    }
}
