package dev.trawl.internal.discover;

import dev.trawl.crawl.FailureReason;
import dev.trawl.internal.text.ControlChars;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * An http or https URL read as the WHATWG URL Standard reads it, which is what browsers do and
 * so what a shop's links, sitemaps and redirects mean: tabs and newlines dropped, {@code \} read
 * as {@code /}, a missing path made {@code /} (the query kept), spaces and non-ASCII percent-encoded
 * as UTF-8, an international host name in punycode, an IPv4 host in any spelling written as
 * dotted decimal, the default port dropped. {@link #href()} is the standard's serialisation;
 * {@link #toUri()} is the URL trawl requests. Other schemes are refused ({@link Invalid}).
 * Immutable.
 *
 * <p>Host names go through {@link java.net.IDN} (IDNA 2003), not UTS 46: the two differ on a few
 * characters, such as {@code ß}, which IDNA 2003 maps to {@code ss} (see {@link WebHost}).
 */
public final class WebUrl {
    private final String scheme;
    private final String username;
    private final String password;
    private final String host;
    private final int port;
    private final List<String> path;
    private final String query;
    private final String fragment;

    WebUrl(String scheme, String username, String password, String host, int port, List<String> path, String query,
           String fragment) {
        this.scheme = scheme;
        this.username = username;
        this.password = password;
        this.host = host;
        this.port = port;
        this.path = List.copyOf(path);
        this.query = query;
        this.fragment = fragment;
    }

    /** Why a text is no http(s) URL trawl can use: {@code invalid_url} or {@code unsupported_scheme}, and a message for people. */
    public static final class Invalid extends Exception {
        private final FailureReason reason;

        Invalid(FailureReason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }

        Invalid(String message) {
            this(FailureReason.INVALID_URL, message);
        }

        public FailureReason reason() {
            return reason;
        }
    }

    /** An absolute URL. */
    public static WebUrl parse(String input) throws Invalid {
        return parse(input, null);
    }

    /** A URL, or a reference (relative, {@code //host/...}, {@code ?q}) made absolute against {@code base} (null: none). */
    public static WebUrl parse(String input, WebUrl base) throws Invalid {
        return new WebUrlParser(input, base).parse();
    }

    /** The URL a {@link URI} trawl made (or any absolute http(s) URI) stands for. */
    public static WebUrl of(URI uri) throws Invalid {
        return parse(uri.toString());
    }

    public String scheme() {
        return scheme;
    }

    String username() {
        return username;
    }

    String password() {
        return password;
    }

    /** The host as serialised: a lower-case ASCII name, a dotted-decimal IPv4 address or an IPv6 address in brackets. */
    public String host() {
        return host;
    }

    /** The port, or -1 for the scheme's default. */
    public int port() {
        return port;
    }

    List<String> pathSegments() {
        return path;
    }

    /** The query without its {@code ?}, or null when there is none ("" when the URL ends in {@code ?}). */
    public String query() {
        return query;
    }

    /** The fragment without its {@code #}, or null. */
    public String fragment() {
        return fragment;
    }

    /** The path, percent-encoded, starting with {@code /}. */
    public String pathname() {
        return "/" + String.join("/", path);
    }

    /** The URL Standard's serialisation ({@code url.href} in a browser). */
    public String href() {
        return withoutFragment() + (fragment == null ? "" : "#" + fragment);
    }

    private String withoutFragment() {
        StringBuilder s = new StringBuilder(scheme).append("://");
        if (!username.isEmpty() || !password.isEmpty()) {
            s.append(username).append(password.isEmpty() ? "" : ":" + password).append('@');
        }
        s.append(host);
        if (port >= 0) {
            s.append(':').append(port);
        }
        s.append(pathname());
        if (query != null) {
            s.append('?').append(query);
        }
        return s.toString();
    }

    /**
     * The URL to request: {@link #href()} without its fragment (which never reaches a server),
     * with the few characters the standard leaves as written but {@link URI} refuses ({@code |},
     * {@code [ ]} in a path, {@code ^ `} {@code { \ }} in a query, a {@code %} without two hex digits)
     * percent-encoded; servers decode both spellings alike. Fails for a host {@link URI} cannot
     * hold as a host name (an underscore, a label starting with a hyphen): trawl's HTTP clients
     * could not connect to it.
     */
    public URI toUri() throws Invalid {
        String text = uriSafe(withoutFragment());
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            if (e.getIndex() < text.indexOf('/', scheme.length() + 3)) {
                throw hostRefused();
            }
            throw new Invalid("cannot be requested: " + e.getReason()); // not seen: uriSafe escapes what URI refuses
        }
        if (uri.getHost() == null) {
            throw hostRefused();
        }
        return uri;
    }

    private Invalid hostRefused() {
        return new Invalid("host '" + ControlChars.shown(host) + "' cannot be requested: trawl's HTTP clients take host names of"
                + " letters, digits, hyphens and dots only, each label starting and ending with a letter or digit, the last"
                + " starting with a letter");
    }

    /** {@code text} with what {@link URI} refuses after the authority percent-encoded: see {@link #toUri()}. */
    private String uriSafe(String text) {
        int authority = scheme.length() + 3;
        int path = text.indexOf('/', authority);
        StringBuilder s = new StringBuilder(text.length() + 16).append(text, 0, authority);
        boolean inQuery = false;
        for (int i = authority; i < text.length(); i++) {
            char c = text.charAt(i);
            inQuery |= c == '?';
            // the userinfo may hold a stray %; the host holds none of these but an IPv6 address's brackets
            boolean refused = c == '%' ? !PercentEncoding.isEscape(text, i)
                    : i >= path && ("\"<>\\^`{|}".indexOf(c) >= 0 || !inQuery && (c == '[' || c == ']'));
            if (refused) {
                PercentEncoding.appendByte(s, (byte) c);
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebUrl u && u.href().equals(href());
    }

    @Override
    public int hashCode() {
        return href().hashCode();
    }

    @Override
    public String toString() {
        return href();
    }
}
