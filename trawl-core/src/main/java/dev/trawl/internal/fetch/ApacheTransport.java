package dev.trawl.internal.fetch;

import dev.trawl.fetch.FetchResult;
import dev.trawl.fetch.FetchSettings;
import dev.trawl.fetch.ProxyServer;
import dev.trawl.fetch.RequestSession;
import dev.trawl.fetch.Transport;
import dev.trawl.fetch.Validators;

import dev.trawl.internal.runtime.Ticks;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
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
 * retries and cookie handling are switched off (the engine owns them: it hands each request its
 * session's Cookie header, and its id keeps the session's connections apart); gzip and deflate are decoded by
 * the client as the body streams, so the size cap counts decoded bytes. The header section is
 * capped ({@link HeaderLimits}), and a response must begin with a status line.
 */
public final class ApacheTransport implements Transport {
    private final FetchSettings settings;
    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient client;
    private final Watchdog watchdog = new Watchdog();

    public ApacheTransport(FetchSettings settings) {
        this(settings, null);
    }

    /**
     * Through {@code proxy} (null: direct): an http proxy for plain requests and CONNECT tunnels, its
     * password sent when it asks (407); a socks5 proxy for every connection, its password given by
     * {@link SocksPasswords}.
     */
    public ApacheTransport(FetchSettings settings, ProxyServer proxy) {
        this.settings = settings;
        Timeout response = Timeout.of(settings.responseTimeout());
        SocketConfig.Builder socket = SocketConfig.custom().setTcpNoDelay(true).setSoTimeout(response);
        if (proxy != null && proxy.scheme().equals("socks5")) {
            socket.setSocksProxyAddress(new java.net.InetSocketAddress(proxy.host(), proxy.port()));
            SocksPasswords.register(proxy);
        }
        this.pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnectionsPerHost())
                .setTlsSocketStrategy(new LazyTls(settings.trustedCertificates()))
                // STRICT, not LAX: LAX's pool closes an idle connection of another session to serve a session that has none
                // idle, so sessions would churn connections (177 for 300 requests in a test; STRICT: 16).
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.STRICT)
                .setConnPoolPolicy(PoolReusePolicy.LIFO)
                .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                        .http1Config(HeaderLimits.apache())
                        // HttpCore's strict parser, not HttpClient's lenient one: a line that is not a status
                        // line (an HTTP/0.9 body, garbage) is a protocol error, not skipped until the
                        // connection closes and then read as "no response".
                        .responseParserFactory(new DefaultHttpResponseParserFactory(HeaderLimits.apache()))
                        .build())
                .setDefaultSocketConfig(socket.build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        // Through a proxy, a pooled connection is checked before it is reused (see the retry strategy below).
                        .setValidateAfterInactivity(proxy == null ? null : org.apache.hc.core5.util.TimeValue.ofMilliseconds(1))

                        .setSocketTimeout(response)
                        .build())
                .build();
        var builder = HttpClients.custom();
        if (proxy != null && proxy.scheme().equals("http")) {
            builder.setProxy(new HttpHost("http", proxy.host(), proxy.port()));
            if (proxy.user() != null) {
                var credentials = new org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider();
                credentials.setCredentials(new org.apache.hc.client5.http.auth.AuthScope(proxy.host(), proxy.port()),
                        new org.apache.hc.client5.http.auth.UsernamePasswordCredentials(proxy.user(),
                                (proxy.password() == null ? "" : proxy.password()).toCharArray()));
                builder.setDefaultCredentialsProvider(credentials);
            }
        } else {
            builder.disableAuthCaching();
        }
        if (proxy == null) {
            builder.disableAutomaticRetries();
        } else {
            // A proxy may close a kept-alive connection after a response without saying so (tinyproxy does), and the
            // next request on it gets no response at all: that request, and only that kind of failure, is sent once more
            // on a new connection, as browsers do. Statuses are never retried here: the engine owns those.
            builder.setRetryStrategy(new org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy(1,
                    org.apache.hc.core5.util.TimeValue.ZERO_MILLISECONDS) {
                @Override
                public boolean retryRequest(org.apache.hc.core5.http.HttpResponse response, int execCount,
                                            org.apache.hc.core5.http.protocol.HttpContext context) {
                    return false;
                }
            });
        }
        this.client = builder
                .setConnectionManager(pool)
                .disableRedirectHandling()
                .disableCookieManagement()
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
        return fetch(url, maxBodyBytes, validators, null);
    }

    @Override
    public boolean sendsCookies() {
        return true;
    }

    /** In a session, its id is the connections' user token: the pool leases a session only connections it opened. */
    @Override
    public FetchResult fetch(URI url, long maxBodyBytes, Validators validators, RequestSession session) {
        long start = Ticks.now();
        URI target = BasicCredentials.withoutUserInfo(url);
        HttpGet get = new HttpGet(target);
        HttpClientContext context = HttpClientContext.create();
        if (session != null) {
            if (session.id() != null) {
                context.setUserToken(session.id());
            }
            if (session.cookie() != null) {
                get.setHeader("Cookie", session.cookie());
            }
        }
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
                response = client.executeOpen(HttpHost.create(target), get, context);
                HeaderLimits.Tally tally = new HeaderLimits.Tally();
                for (Header h : response.getHeaders()) {
                    tally.add(h.getName(), h.getValue());
                }
                HttpEntity entity = response.getEntity();
                byte[] body = entity == null ? new byte[0]
                        : Bodies.read(entity.getContent(), entity.getContentLength(), maxBodyBytes);
                // The body was read to its end, so the connection is back in the pool already.
                response.close();
                ClassicHttpResponse answered = response;
                return new FetchResult.Response(response.getCode(), header(response, "Content-Type"),
                        header(response, "Location"), header(response, "Retry-After"), header(response, "ETag"),
                        header(response, "Last-Modified"), ChallengeSignals.headers(name -> header(answered, name)),
                        session == null ? List.of() : setCookies(response), body, Ticks.now() - start);
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

    private static List<String> setCookies(ClassicHttpResponse response) {
        Header[] headers = response.getHeaders("Set-Cookie");
        if (headers.length == 0) {
            return List.of();
        }
        List<String> values = new java.util.ArrayList<>(headers.length);
        for (Header h : headers) {
            values.add(h.getValue());
        }
        return values;
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
