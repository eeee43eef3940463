package dev.trawl.internal.extract;

import dev.trawl.internal.discover.WebUrl;
import dev.trawl.internal.text.Prices;

import java.net.URI;
import java.util.List;

/** URLs as pages state them (images, product URLs), made absolute against the page they are on. */
final class WebUrls {
    private WebUrls() {}

    /**
     * A reference made absolute against the page: an absolute http(s) URL as written; a
     * protocol-relative one ({@code //cdn...}) with the page's scheme; a relative one resolved
     * (one java.net.URI refuses, with a raw space say, as a browser resolves it: {@link WebUrl}).
     * Null when blank, when it is not http(s) ({@code data:}, {@code javascript:}), or when a
     * relative reference cannot be resolved.
     */
    static String absolute(URI page, String ref) {
        if (ref == null) {
            return null;
        }
        String s = Prices.strip(ref);
        if (s.isEmpty()) {
            return null;
        }
        if (isHttp(s)) {
            return s;
        }
        if (page == null) {
            return null;
        }
        if (s.startsWith("//")) {
            return page.getScheme() + ":" + s;
        }
        try {
            String resolved = page.resolve(s).toString();
            return isHttp(resolved) ? resolved : null;
        } catch (IllegalArgumentException notAUri) {
            // spaces, non-ASCII, stray characters: resolved as a browser resolves it
            try {
                return WebUrl.parse(s, WebUrl.of(page)).href();
            } catch (WebUrl.Invalid e) {
                return null;
            }
        }
    }

    /** Adds a reference, made {@link #absolute}, to a list of URLs unless it is unusable or already there. */
    static void addAbsolute(List<String> urls, URI page, String ref) {
        String url = absolute(page, ref);
        if (url != null && !urls.contains(url)) {
            urls.add(url);
        }
    }

    /** Whether a text is an absolute http or https URL (scheme in any case). */
    static boolean isHttp(String s) {
        return s.regionMatches(true, 0, "http://", 0, 7) || s.regionMatches(true, 0, "https://", 0, 8);
    }

    /** The URL without its fragment ({@code #product} names a node of the page, not another page). */
    static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    /** Whether two URLs name the same page: equal once fragments and a trailing slash are dropped. */
    static boolean samePage(String a, String b) {
        return a != null && b != null && trimmed(a).equals(trimmed(b));
    }

    /** Whether an absolute URL is on the page's site: the same host, letter case and a leading {@code www.} aside. */
    static boolean sameSite(URI page, String url) {
        if (page == null || page.getHost() == null) {
            return false;
        }
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        return host != null && siteHost(host).equals(siteHost(page.getHost()));
    }

    private static String siteHost(String host) {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        return h.startsWith("www.") ? h.substring(4) : h;
    }

    private static String trimmed(String url) {
        String u = withoutFragment(url);
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}
