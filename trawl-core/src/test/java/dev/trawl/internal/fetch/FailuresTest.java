package dev.trawl.internal.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trawl.CrawlBuilder;
import dev.trawl.crawl.FailureReason;
import dev.trawl.fetch.FetchSettings;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.zip.ZipException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.TruncatedChunkException;
import org.junit.jupiter.api.Test;

/** What each transport's exceptions mean, by type: the messages are made up so that no reason can come from one. */
class FailuresTest {
    private static final FetchSettings SETTINGS = new FetchSettings(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(5),
            1024, CrawlBuilder.DEFAULT_USER_AGENT, 4, 2);
    private static final String M = "reset closed eof gzip chunk protocol invalid malformed connect";

    private static Map<Throwable, FailureReason> common() {
        Map<Throwable, FailureReason> t = new LinkedHashMap<>();
        t.put(new Failures.TooLarge(1024), FailureReason.TOO_LARGE);
        t.put(new HeaderLimits.TooLarge(M), FailureReason.PROTOCOL);
        t.put(new SocketTimeoutException(M), FailureReason.TIMEOUT);
        t.put(new UnknownHostException(M), FailureReason.UNKNOWN_HOST);
        t.put(new ConnectException(M), FailureReason.REFUSED);
        t.put(new NoRouteToHostException(M), FailureReason.REFUSED);
        t.put(new SSLHandshakeException(M), FailureReason.TLS);
        t.put(new ZipException(M), FailureReason.DECODING);
        t.put(new ProtocolException(M), FailureReason.PROTOCOL);
        t.put(new SocketException(M), FailureReason.RESET);
        t.put(new EOFException(M), FailureReason.RESET);
        t.put(new InterruptedIOException(M), FailureReason.CANCELLED);
        t.put(new IOException(M), FailureReason.IO_ERROR);
        t.put(new IllegalStateException(M), FailureReason.IO_ERROR);
        // Wrapped as the clients wrap them: the cause decides.
        t.put(new ExecutionException(new IOException(M, new SocketException(M))), FailureReason.RESET);
        t.put(new UncheckedIOException(new UnknownHostException(M)), FailureReason.UNKNOWN_HOST);
        t.put(new IOException(M, new SSLHandshakeException(M)), FailureReason.TLS);
        return t;
    }

    @Test
    void apacheExceptionsByType() {
        Map<Throwable, FailureReason> table = common();
        table.put(new ConnectTimeoutException(M), FailureReason.TIMEOUT);
        table.put(new HttpHostConnectException(M), FailureReason.REFUSED);
        table.put(new ConnectionClosedException(M), FailureReason.RESET);
        table.put(new NoHttpResponseException(M), FailureReason.RESET);
        table.put(new TruncatedChunkException(M), FailureReason.RESET);
        table.put(new MalformedChunkCodingException(M), FailureReason.PROTOCOL);
        table.put(new MessageConstraintException(M), FailureReason.PROTOCOL);
        table.put(new org.apache.hc.client5.http.ClientProtocolException(M, new ParseException(M)), FailureReason.PROTOCOL);
        assertTable(Failures.APACHE, table);
    }

    @Test
    void jdkExceptionsByType() {
        Map<Throwable, FailureReason> table = common();
        table.put(new HttpConnectTimeoutException(M), FailureReason.TIMEOUT);
        table.put(new HttpTimeoutException(M), FailureReason.TIMEOUT);
        table.put(new ConnectException(M) {{ initCause(new java.nio.channels.UnresolvedAddressException()); }}, FailureReason.UNKNOWN_HOST);
        assertTable(Failures.JDK, table);
    }

    @Test
    void timeoutsSayWhichOne() {
        assertEquals("no connection within 2s", Failures.classify(Failures.JDK, new HttpConnectTimeoutException(M), SETTINGS, 0).detail());
        assertEquals("no response data within 3s", Failures.classify(Failures.APACHE, new SocketTimeoutException(M), SETTINGS, 0).detail());
        assertEquals("no complete response within 5s", Failures.totalTimeout(SETTINGS, 0).detail());
    }

    private static void assertTable(List<Failures.Rule> rules, Map<Throwable, FailureReason> table) {
        Map<String, FailureReason> expected = new LinkedHashMap<>();
        Map<String, FailureReason> actual = new LinkedHashMap<>();
        table.forEach((e, reason) -> {
            String name = e.getClass().getSimpleName() + (e.getCause() != null ? "(" + e.getCause().getClass().getSimpleName() + ")" : "");
            expected.put(name, reason);
            actual.put(name, Failures.classify(rules, e, SETTINGS, 0).reason());
        });
        assertEquals(expected, actual);
    }
}
