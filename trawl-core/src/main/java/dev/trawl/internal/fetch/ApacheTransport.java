package dev.trawl.internal.fetch;

import dev.trawl.fetch.FetchResult;
import dev.trawl.fetch.FetchSettings;
import dev.trawl.fetch.Transport;
import dev.trawl.fetch.Validators;

import dev.trawl.internal.runtime.Ticks;
import java.io.IOException;
import java.net.URI;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.impl.io.DefaultHttpResponseParserFactory;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.io.ModalCloseable;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.Timeout;

/**
 * Apache HttpClient 5, classic blocking API, one call per request virtual thread. Redirects,
 * retries and cookies are switched off (the engine owns them); gzip and deflate are decoded by
 * the client as the body streams, so the size cap counts decoded bytes. The header section is
 * capped ({@link HeaderLimits}), and a response must begin with a status line.
 */
public final class ApacheTransport implements Transport {
    private final FetchSettings settings;
    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient client;
    private final Watchdog watchdog = new Watchdog();

    public ApacheTransport(FetchSettings settings) {
        this.settings = settings;
        Timeout response = Timeout.of(settings.responseTimeout());
        this.pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnectionsPerHost())
                .setTlsSocketStrategy(new LazyTls())
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                .setConnPoolPolicy(PoolReusePolicy.LIFO)
                .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                        .http1Config(HeaderLimits.apache())
                        // HttpCore's strict parser, not HttpClient's lenient one: a line that is not a status
                        // line (an HTTP/0.9 body, garbage) is a protocol error, not skipped until the
                        // connection closes and then read as "no response".
                        .responseParserFactory(new DefaultHttpResponseParserFactory(HeaderLimits.apache()))
                        .build())
                .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).setSoTimeout(response).build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(response)
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(pool)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent(settings.userAgent())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(response)
                        .setConnectionRequestTimeout(Timeout.of(settings.totalTimeout()))
                        .build())
                .build();
    }

    @Override
    public FetchSettings settings() {
        return settings;
    }

    @Override
    public FetchResult fetch(URI url, long maxBodyBytes, Validators validators) {
        long start = Ticks.now();
        URI target = BasicCredentials.withoutUserInfo(url);
        HttpGet get = new HttpGet(target);
        get.setHeader("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        String credentials = BasicCredentials.header(url);
        if (credentials != null) {
            get.setHeader("Authorization", credentials);
        }
        if (validators.etag() != null) {
            get.setHeader("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null) {
            get.setHeader("If-Modified-Since", validators.lastModified());
        }
        try (Watchdog.Guard guard = watchdog.guard(start + settings.totalTimeout().toNanos(), get::cancel)) {
            ClassicHttpResponse response = null;
            try {
                response = client.executeOpen(HttpHost.create(target), get, null);
                HeaderLimits.Tally tally = new HeaderLimits.Tally();
                for (Header h : response.getHeaders()) {
                    tally.add(h.getName(), h.getValue());
                }
                HttpEntity entity = response.getEntity();
                byte[] body = entity == null ? new byte[0]
                        : Bodies.read(entity.getContent(), entity.getContentLength(), maxBodyBytes);
                // The body was read to its end, so the connection is back in the pool already.
                response.close();
                return new FetchResult.Response(response.getCode(), header(response, "Content-Type"),
                        header(response, "Location"), header(response, "Retry-After"), header(response, "ETag"),
                        header(response, "Last-Modified"), body, Ticks.now() - start);
            } catch (IOException | RuntimeException e) {
                // An unfinished body must not be drained (it may never end): drop the connection.
                if (response instanceof ModalCloseable closeable) {
                    closeable.close(CloseMode.IMMEDIATE);
                }
                long elapsed = Ticks.now() - start;
                return guard.fired() ? Failures.totalTimeout(settings, elapsed) : Failures.classify(Failures.APACHE, e, settings, elapsed);
            }
        }
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header h = response.getFirstHeader(name);
        return h == null ? null : h.getValue();
    }

    @Override
    public void close() {
        watchdog.close();
        client.close(CloseMode.IMMEDIATE);
        pool.close(CloseMode.IMMEDIATE);
    }
}
