package dev.trawl.internal.proxy;

import dev.trawl.crawl.FailureReason;
import dev.trawl.fetch.FetchResult;
import dev.trawl.fetch.FetchSettings;
import dev.trawl.fetch.ProxyServer;
import dev.trawl.fetch.RequestSession;
import dev.trawl.fetch.Transport;
import dev.trawl.fetch.Validators;
import dev.trawl.internal.fetch.ApacheTransport;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * trawl's transport through proxies: one Apache HttpClient per proxy (its own pool, its own route
 * to the proxy), the request's session saying which. What is the proxy's fault rather than the
 * shop's becomes {@code proxy}: no connection to it, a refused tunnel, its 407, a failed SOCKS
 * handshake.
 */
public final class ProxiedTransport implements Transport {
    private final FetchSettings settings;
    private final Map<ProxyServer, ApacheTransport> clients = new LinkedHashMap<>();

    public ProxiedTransport(FetchSettings settings, List<ProxyServer> proxies) {
        this.settings = settings;
        for (ProxyServer p : proxies) {
            clients.computeIfAbsent(p, proxy -> new ApacheTransport(settings, proxy));
        }
    }

    @Override
    public FetchResult fetch(URI url, long maxBodyBytes, Validators validators) {
        throw new IllegalStateException("a crawl through proxies sends every request in a session");
    }

    @Override
    public boolean sendsCookies() {
        return true;
    }

    @Override
    public FetchResult fetch(URI url, long maxBodyBytes, Validators validators, RequestSession session) {
        ProxyServer proxy = session == null ? null : session.proxy();
        ApacheTransport client = proxy == null ? null : clients.get(proxy);
        if (client == null) {
            return new FetchResult.Error(FailureReason.PROXY, "no proxy for this request", 0);
        }
        return blame(proxy, client.fetch(url, maxBodyBytes, validators, session));
    }

    /** The proxy's own failures named as such. */
    static FetchResult blame(ProxyServer proxy, FetchResult result) {
        return switch (result) {
            case FetchResult.Response r when r.status() == 407 ->
                    new FetchResult.Error(FailureReason.PROXY, "proxy " + proxy + " refused the password (407)", r.elapsedNanos());
            case FetchResult.Error e when e.reason() == FailureReason.REFUSED || e.reason() == FailureReason.UNKNOWN_HOST ->
                    // The only connection made is the one to the proxy.
                    new FetchResult.Error(FailureReason.PROXY, "proxy " + proxy + ": " + e.detail(), e.elapsedNanos());
            case FetchResult.Error e when proxy.scheme().equals("socks5") && e.detail() != null && e.detail().contains("SOCKS") ->
                    // The JDK's SOCKS client says so only in its messages.
                    new FetchResult.Error(FailureReason.PROXY, "proxy " + proxy + ": " + e.detail(), e.elapsedNanos());
            case FetchResult.Error e when e.reason() == FailureReason.PROXY ->
                    new FetchResult.Error(FailureReason.PROXY, "proxy " + proxy + ": " + e.detail(), e.elapsedNanos());
            default -> result;
        };
    }

    @Override
    public FetchSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        clients.values().forEach(ApacheTransport::close);
    }
}
