package dev.trawl.internal.fetch;

import dev.trawl.fetch.FetchResult;
import dev.trawl.fetch.FetchSettings;
import dev.trawl.fetch.RequestSession;
import dev.trawl.fetch.Transport;
import dev.trawl.fetch.Validators;

import dev.trawl.internal.runtime.TrawlThreads;
import dev.trawl.internal.runtime.Ticks;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * The JDK's java.net.http client, HTTP/1.1, kept beside {@link ApacheTransport} so the two can be
 * compared on the same crawl (BENCHMARKS.md). Decodes gzip and deflate itself. The client reads a
 * header section up to its JVM-wide {@code jdk.http.maxHeaderSize} (a system property read once,
 * 384 KiB by default; it has no per-client setting, and no line or count cap), then
 * {@link HeaderLimits} applies trawl's caps to what it read.
 */
public final class JdkTransport implements Transport {
    private final FetchSettings settings;
    private final HttpClient client;
    private final Watchdog watchdog = new Watchdog();

    public JdkTransport(FetchSettings settings) {
        this.settings = settings;
        HttpClient.Builder builder = HttpClient.newBuilder();
        if (!settings.trustedCertificates().isEmpty()) {
            builder.sslContext(TlsTrust.context(settings.trustedCertificates()));
        }
        this.client = builder
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .executor(task -> TrawlThreads.virtual().newThread(task).start())
                .build();
    }

    @Override
    public FetchSettings settings() {
        return settings;
    }

    @Override
    public FetchResult fetch(URI url, long maxBodyBytes, Validators validators) {
        return fetch(url, maxBodyBytes, validators, null);
    }

    @Override
    public boolean sendsCookies() {
        return true;
    }

    /** In a session, its cookies go out and come back; the JDK's client shares its connections between sessions. */
    @Override
    public FetchResult fetch(URI url, long maxBodyBytes, Validators validators, RequestSession session) {
        long start = Ticks.now();
        HttpRequest.Builder builder = HttpRequest.newBuilder(BasicCredentials.withoutUserInfo(url))
                .timeout(settings.responseTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .header("Accept-Encoding", "gzip, deflate");
        String credentials = BasicCredentials.header(url);
        if (credentials != null) {
            builder.header("Authorization", credentials);
        }
        if (validators.etag() != null) {
            builder.header("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null) {
            builder.header("If-Modified-Since", validators.lastModified());
        }
        if (session != null && session.cookie() != null) {
            builder.header("Cookie", session.cookie());
        }
        HttpRequest request = builder.GET().build();
        CompletableFuture<HttpResponse<InputStream>> pending = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        AtomicReference<InputStream> open = new AtomicReference<>();
        try (Watchdog.Guard guard = watchdog.guard(start + settings.totalTimeout().toNanos(), () -> {
            pending.cancel(true);
            closeQuietly(open.get());
        })) {
            try {
                HttpResponse<InputStream> response = pending.get();
                open.set(response.body());
                checkHeaders(response);
                byte[] body = response.statusCode() == 204 || response.statusCode() == 304 ? new byte[0] : body(response, maxBodyBytes);
                response.body().close();
                return new FetchResult.Response(response.statusCode(), header(response, "Content-Type"), header(response, "Location"),
                        header(response, "Retry-After"), header(response, "ETag"), header(response, "Last-Modified"),
                        ChallengeSignals.headers(name -> header(response, name)),
                        session == null ? java.util.List.of() : response.headers().allValues("Set-Cookie"), body, Ticks.now() - start);
            } catch (IOException | ExecutionException | RuntimeException e) {
                closeQuietly(open.get());
                long elapsed = Ticks.now() - start;
                return guard.fired() ? Failures.totalTimeout(settings, elapsed) : Failures.classify(Failures.JDK, e, settings, elapsed);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pending.cancel(true);
                return Failures.classify(Failures.JDK, new java.io.InterruptedIOException("interrupted"), settings, Ticks.now() - start);
            }
        }
    }

    /**
     * The decoded body. Not called for a 204 or 304: they have none, whatever Content-Length and
     * Content-Encoding they announce for the page they stand for.
     */
    private static byte[] body(HttpResponse<InputStream> response, long maxBodyBytes) throws IOException {
        String encoding = response.headers().firstValue("Content-Encoding").orElse("identity").toLowerCase(Locale.ROOT).strip();
        long length = encoding.equals("identity") ? response.headers().firstValueAsLong("Content-Length").orElse(-1) : -1;
        try (InputStream in = switch (encoding) {
            case "gzip", "x-gzip" -> new GZIPInputStream(response.body(), 16 * 1024);
            case "deflate" -> new InflaterInputStream(response.body());
            default -> response.body();
        }) {
            return Bodies.read(in, length, maxBodyBytes);
        }
    }

    /** {@link HeaderLimits}' caps, on the section the client's own cap (jdk.http.maxHeaderSize) let through. */
    private static void checkHeaders(HttpResponse<?> response) throws HeaderLimits.TooLarge {
        HeaderLimits.Tally tally = new HeaderLimits.Tally();
        for (var e : response.headers().map().entrySet()) {
            for (String value : e.getValue()) {
                tally.add(e.getKey(), value);
            }
        }
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // the attempt has failed already; nothing more to learn from this
            }
        }
    }

    @Override
    public void close() {
        watchdog.close();
        client.shutdownNow();
        client.close();
    }
}
