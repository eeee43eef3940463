package dev.trawl.internal.discover;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one spelling of a URL that trawl deduplicates by, so that a product linked from forty
 * listing pages (with tracking parameters, fragments, another parameter order) is fetched once.
 * The URL is first read as browsers read it ({@link WebUrl}: so {@code /café} and
 * {@code /caf%C3%A9}, or {@code 2130706433} and {@code 127.0.0.1}, are one), then: lower-case
 * scheme and host; no user name or password; no default port; no fragment; dot segments removed;
 * an empty path becomes {@code /}; percent-escapes of unreserved characters decoded and the others
 * in upper case; query parameters sorted (stably, by name) with the tracking parameters removed.
 * Immutable and thread-safe.
 */
public final class UrlCanonicalizer {
    /** Parameters that only say where a visitor came from: utm_*, click ids, mail campaign ids. */
    public static final List<String> DEFAULT_TRACKING = List.of("utm_*", "gclid", "gbraid", "wbraid", "dclid", "fbclid",
            "msclkid", "yclid", "twclid", "ttclid", "mc_cid", "mc_eid", "_ga", "_gl", "igshid", "srsltid", "_hsenc", "_hsmi");

    private final Pattern tracking;

    /** @param trackingParameters parameter names to drop; a trailing {@code *} matches any suffix; case-insensitive */
    public UrlCanonicalizer(List<String> trackingParameters) {
        List<String> alternatives = new ArrayList<>();
        for (String name : trackingParameters) {
            String n = name.strip();
            if (!n.isEmpty()) {
                alternatives.add(n.endsWith("*") ? Pattern.quote(n.substring(0, n.length() - 1)) + ".*" : Pattern.quote(n));
            }
        }
        this.tracking = alternatives.isEmpty() ? null
                : Pattern.compile(String.join("|", alternatives), Pattern.CASE_INSENSITIVE);
    }

    public static UrlCanonicalizer withDefaults() {
        return new UrlCanonicalizer(DEFAULT_TRACKING);
    }

    /** The canonical text of an absolute http(s) URL. */
    public String canonical(URI given) {
        URI url = given;
        try {
            url = WebUrl.of(given).toUri();
        } catch (WebUrl.Invalid e) {
            // not an http(s) URL trawl could request: keyed as java.net.URI reads it
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        boolean defaultPort = port < 0 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        StringBuilder s = new StringBuilder(scheme).append("://").append(host);
        if (!defaultPort) {
            s.append(':').append(port);
        }
        String path = url.getRawPath();
        s.append(path == null || path.isEmpty() ? "/" : escapes(removeDotSegments(path)));
        String query = query(url.getRawQuery());
        if (!query.isEmpty()) {
            s.append('?').append(query);
        }
        return s.toString();
    }

    /** The URL to request: the given one without its fragment (which never reaches a server). */
    public static URI withoutFragment(URI url) {
        if (url.getRawFragment() == null) {
            return url;
        }
        String text = url.toString();
        return URI.create(text.substring(0, text.indexOf('#'))); // '#' appears nowhere else in a valid URI
    }

    private String query(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (tracking != null && tracking.matcher(name).matches()) {
                continue;
            }
            kept.add(escapes(pair));
        }
        // Sorted by name only, so repeated parameters (a=2&a=1) keep their order, which may matter.
        kept.sort((a, b) -> name(a).compareTo(name(b)));
        return String.join("&", kept);
    }

    private static String name(String pair) {
        int eq = pair.indexOf('=');
        return eq < 0 ? pair : pair.substring(0, eq);
    }

    /** Decodes escapes of unreserved characters (%7E → ~) and upper-cases the others' hex digits. */
    private static String escapes(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                char decoded = (char) (hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                if (unreserved(decoded)) {
                    out.append(decoded);
                } else {
                    out.append('%').append(Character.toUpperCase(s.charAt(i + 1))).append(Character.toUpperCase(s.charAt(i + 2)));
                }
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private static boolean unreserved(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~';
    }

    /** RFC 3986 section 5.2.4. */
    private static String removeDotSegments(String path) {
        if (!path.contains(".")) {
            return path;
        }
        List<String> out = new ArrayList<>();
        String[] parts = path.split("/", -1);
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            if (p.equals("..")) {
                if (!out.isEmpty()) {
                    out.removeLast();
                }
                if (i == parts.length - 1) {
                    out.add("");
                }
            } else if (p.equals(".")) {
                if (i == parts.length - 1) {
                    out.add("");
                }
            } else {
                out.add(p);
            }
        }
        return "/" + String.join("/", out);
    }
}
