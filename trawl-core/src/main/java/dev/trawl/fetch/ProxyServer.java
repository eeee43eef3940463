package dev.trawl.fetch;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A proxy the crawl may send requests through: {@code http://} (plain requests, and CONNECT
 * tunnels for https) or {@code socks5://}, with an optional user and password. Its
 * {@link #toString()} never shows the password ({@code http://user:***@host:port}): that is the
 * only way trawl prints a proxy.
 *
 * @param scheme   {@code http} or {@code socks5}
 * @param host     the proxy's host name or address
 * @param port     its port
 * @param user     the user name, percent-decoded; null for none
 * @param password the password, percent-decoded; null for none
 */
public record ProxyServer(String scheme, String host, int port, String user, String password) {

    public ProxyServer {
        if (!scheme.equals("http") && !scheme.equals("socks5")) {
            throw new IllegalArgumentException("a proxy is http:// or socks5://, was " + scheme + "://");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("a proxy needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("a proxy's port is between 1 and 65535, was " + port);
        }
    }

    /**
     * Reads {@code http://user:pass@host:port} or {@code socks5://...}; the port is required. The
     * message of what it throws shows the text with its password masked.
     */
    /** Whether a browser can go through it: Chromium takes no password for a SOCKS5 proxy. */
    public boolean browserCanUse() {
        return !scheme.equals("socks5") || user == null;
    }

    public static ProxyServer parse(String text) {
        String t = text.strip();
        String shown = dev.trawl.internal.text.UrlPasswords.hidden(t);
        URI u;
        try {
            u = new URI(t);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("not a proxy URL: " + shown);
        }
        if (u.getScheme() == null || u.getRawAuthority() == null || u.getHost() == null) {
            throw new IllegalArgumentException("not a proxy URL (scheme://[user:password@]host:port): " + shown);
        }
        if (u.getPort() < 0) {
            throw new IllegalArgumentException("a proxy URL needs its port: " + shown);
        }
        if (u.getRawPath() != null && !u.getRawPath().isEmpty() && !u.getRawPath().equals("/") || u.getRawQuery() != null) {
            throw new IllegalArgumentException("a proxy URL has no path or query: " + shown);
        }
        String user = null;
        String password = null;
        if (u.getRawUserInfo() != null) {
            String info = u.getRawUserInfo();
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        try {
            return new ProxyServer(u.getScheme().toLowerCase(Locale.ROOT), u.getHost(), u.getPort(), user, password);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + ": " + shown);
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return scheme + "://" + (user == null ? "" : user + (password == null ? "" : ":***") + "@") + host + ":" + port;
    }
}
