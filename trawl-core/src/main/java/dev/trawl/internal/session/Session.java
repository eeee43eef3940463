package dev.trawl.internal.session;

import dev.trawl.fetch.ProxyServer;
import dev.trawl.fetch.RequestSession;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.cookie.Cookie;
import org.apache.hc.client5.http.cookie.CookieOrigin;
import org.apache.hc.client5.http.cookie.CookiePathComparator;
import org.apache.hc.client5.http.psl.PublicSuffixMatcherLoader;
import org.apache.hc.client5.http.cookie.CookieSpec;
import org.apache.hc.client5.http.cookie.MalformedCookieException;
import org.apache.hc.client5.http.impl.cookie.RFC6265CookieSpecFactory;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;

/**
 * One session: a cookie jar kept by RFC 6265 (HttpClient 5's cookie spec, with the public suffix
 * list, so {@code Domain=.co.uk} is refused), its uses and its run of network errors. The jar holds
 * at most {@link #MAX_COOKIES}: a site cannot grow it without bound. Thread-safe: requests of one
 * session may run at once.
 */
final class Session {
    static final int MAX_COOKIES = 200;
    private static final CookieSpec SPEC = new RFC6265CookieSpecFactory(PublicSuffixMatcherLoader.getDefault()).create(null);

    private final String id;
    private final String host;
    private final ProxyServer proxy;
    private final BasicCookieStore jar = new BasicCookieStore();
    private final AtomicInteger uses = new AtomicInteger();
    private final AtomicInteger errorsInARow = new AtomicInteger();
    private volatile boolean retired;

    Session(String id, String host) {
        this(id, host, null);
    }

    Session(String id, String host, ProxyServer proxy) {
        this.id = id;
        this.host = host;
        this.proxy = proxy;
    }

    /** The proxy it goes through for all its life; null: direct. */
    ProxyServer proxy() {
        return proxy;
    }

    String id() {
        return id;
    }

    /** The target host whose pool it belongs to. */
    String host() {
        return host;
    }

    int uses() {
        return uses.get();
    }

    boolean retired() {
        return retired;
    }

    /**
     * What a request to {@code url} carries of this session; {@code cookies} false: no cookie. Its
     * connections are its own (the id goes to the transport) once it has state of its own, a cookie
     * or a proxy: until then it is no different from any other request, and shares the pool.
     */
    RequestSession forRequest(URI url, boolean cookies) {
        uses.incrementAndGet();
        String cookie = cookies ? cookieHeader(url) : null;
        boolean own = proxy != null || cookies && !jar.getCookies().isEmpty();
        return new RequestSession(own ? id : null, cookie, proxy);
    }

    private String cookieHeader(URI url) {
        if (jar.getCookies().isEmpty()) {
            return null;
        }
        CookieOrigin origin = origin(url);
        jar.clearExpired(Instant.now());
        List<Cookie> matching = new ArrayList<>();
        for (Cookie c : jar.getCookies()) {
            if (SPEC.match(c, origin)) {
                matching.add(c);
            }
        }
        if (matching.isEmpty()) {
            return null;
        }
        matching.sort(CookiePathComparator.INSTANCE); // longer paths first, as RFC 6265 section 5.4 asks
        List<Header> headers = SPEC.formatCookies(matching);
        return headers.isEmpty() ? null : headers.getFirst().getValue();
    }

    /** Keeps the cookies a response from {@code url} set; one that breaks the rules (another site's domain) is dropped. */
    void received(URI url, List<String> setCookies) {
        if (setCookies.isEmpty() || retired) {
            return;
        }
        CookieOrigin origin = origin(url);
        for (String value : setCookies) {
            try {
                for (Cookie c : SPEC.parse(new BasicHeader("Set-Cookie", value), origin)) {
                    SPEC.validate(c, origin);
                    if (jar.getCookies().size() < MAX_COOKIES) {
                        jar.addCookie(c); // an expired one (Max-Age=0) replaces and so deletes its namesake
                    }
                }
            } catch (MalformedCookieException e) {
                // A cookie the rules refuse is not kept, as a browser would not keep it.
            }
        }
    }

    /** A network error: returns the run of them so far. A response ends the run. */
    int networkError() {
        return errorsInARow.incrementAndGet();
    }

    void answered() {
        errorsInARow.set(0);
    }

    /** Retires the session: its cookies are dropped; its id is never handed out again, so its connections serve no one else. */
    void retire() {
        retired = true;
        jar.clear();
    }

    private static CookieOrigin origin(URI url) {
        int port = url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return new CookieOrigin(url.getHost().toLowerCase(Locale.ROOT), port, path, "https".equalsIgnoreCase(url.getScheme()));
    }
}
