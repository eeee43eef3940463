package dev.trawl.postgres;

import dev.trawl.store.StoreException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Where a PostgreSQL store is, as the user wrote it: a JDBC URL ({@code jdbc:postgresql://host:port/db?user=..&password=..})
 * or a libpq-style one ({@code postgresql://user:password@host:port/db?..}, also {@code postgres://}), turned into what
 * the JDBC driver takes. {@link #describe()} names it for messages without its credentials.
 *
 * @param jdbcUrl  the URL for the driver, without user information (query parameters kept: the driver reads them)
 * @param user     from the URL's user information, else null (the driver then takes {@code user=} from the query)
 * @param password from the URL's user information, else null
 */
record PostgresUrl(String jdbcUrl, String user, String password) {
    private static final String JDBC = "jdbc:postgresql:";

    /** True when {@code location} is a PostgreSQL URL rather than a file. */
    static boolean looksLike(String location) {
        String l = location.toLowerCase(Locale.ROOT);
        return l.startsWith(JDBC) || l.startsWith("postgresql://") || l.startsWith("postgres://");
    }

    /** @throws StoreException when it is no PostgreSQL URL; the message never repeats a password */
    static PostgresUrl parse(String location) {
        if (!looksLike(location)) {
            throw new StoreException("not a PostgreSQL URL (jdbc:postgresql://host:port/db or postgresql://host:port/db): "
                    + withoutCredentials(location));
        }
        if (location.regionMatches(true, 0, JDBC, 0, JDBC.length())) {
            return new PostgresUrl(location, null, null);
        }
        URI uri = uri(location);
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        String rest = location.substring(location.indexOf("://") + 3);
        int at = rest.lastIndexOf('@', firstOf(rest, "/?"));
        return new PostgresUrl(JDBC + "//" + rest.substring(at + 1), user, password);
    }

    /** The same place with this password (the URL's own, if any, is replaced). */
    PostgresUrl withPassword(String password) {
        return new PostgresUrl(jdbcUrl, user, password);
    }

    /** {@code postgresql://host:port/db}, with {@code ?currentSchema=..} when one is given: no credentials, no other options. */
    String describe() {
        URI uri = uri(jdbcUrl.substring("jdbc:".length()));
        String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority().substring(uri.getRawAuthority().indexOf('@') + 1);
        String schema = null;
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.startsWith("currentSchema=")) {
                    schema = pair.substring("currentSchema=".length());
                }
            }
        }
        return "postgresql://" + authority + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (schema == null ? "" : "?currentSchema=" + schema);
    }

    private static URI uri(String location) {
        try {
            return new URI(location);
        } catch (URISyntaxException e) {
            throw new StoreException("bad PostgreSQL URL " + withoutCredentials(location) + ": " + e.getReason());
        }
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The location up to its host, so that neither user information nor query parameters show. */
    static String withoutCredentials(String location) {
        int scheme = location.indexOf("://");
        String rest = scheme < 0 ? location : location.substring(scheme + 3);
        int end = firstOf(rest, "/?");
        int at = rest.lastIndexOf('@', end);
        String head = scheme < 0 ? "" : location.substring(0, scheme + 3);
        int query = rest.indexOf('?');
        return head + rest.substring(at + 1, query < 0 ? rest.length() : query);
    }
}
