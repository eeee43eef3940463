package dev.trawl.internal.discover;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a sitemap or sitemap index (XML, plain or gzipped; also the text and RSS/Atom forms)
 * with crawler-commons' streaming SAX parser: no DOM is built, DTDs and external entities are
 * refused, and a body over 50 MB is cut. Thread-safe: each call uses its own parser.
 */
public final class SitemapReader {
    /** The sitemap protocol's limit on an uncompressed sitemap. */
    public static final long MAX_BYTES = 50L * 1024 * 1024;

    private SitemapReader() {}

    /** A page a sitemap lists, with its {@code <lastmod>} (null when absent). */
    public record Entry(URI url, Instant lastModified) {}

    /** What a sitemap holds: child sitemaps (an index) or pages; never both. */
    public record Content(List<URI> sitemaps, List<Entry> pages) {}

    /** A sitemap that cannot be read, with a message that says why. */
    public static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Parses a one-entry sitemap, so that the parser's classes are loaded and initialised before
     * the crawl's first sitemap arrives: loaded by several request threads at once, they pinned
     * those threads' carriers on the class loader's lock for tens of milliseconds.
     */
    public static void warmUp() {
        try {
            read(URI.create("http://warm-up.invalid/sitemap.xml"), "application/xml",
                    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>http://warm-up.invalid/p</loc></url></urlset>"
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (Unreadable e) {
            throw new IllegalStateException("the warm-up sitemap is valid: " + e.getMessage(), e);
        }
    }

    public static Content read(URI url, String contentType, byte[] body) throws Unreadable {
        URL location;
        try {
            location = url.toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new Unreadable("not a URL: " + url);
        }
        AbstractSiteMap map;
        try {
            // Not strict: shops list pages outside the sitemap's own directory (/sitemaps/x.xml → /p/1).
            map = new SiteMapParser(false).parseSiteMap(contentType == null ? "application/xml" : contentType, body, location);
        } catch (UnknownFormatException e) {
            // crawler-commons says only "Failed to parse URL"; the XML parser's cause says why.
            throw new Unreadable("not a sitemap" + (e.getCause() != null ? ": " + e.getCause().getMessage() : ": " + e.getMessage()));
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("cannot read the sitemap: " + e.getMessage());
        }
        if (map.isIndex()) {
            List<URI> children = new ArrayList<>();
            for (AbstractSiteMap child : ((SiteMapIndex) map).getSitemaps()) {
                URI u = uri(child.getUrl());
                if (u != null) {
                    children.add(u);
                }
            }
            return new Content(children, List.of());
        }
        List<Entry> pages = new ArrayList<>();
        for (SiteMapURL page : ((SiteMap) map).getSiteMapUrls()) {
            URI u = uri(page.getUrl());
            if (u != null) {
                pages.add(new Entry(u, page.getLastModified() == null ? null : page.getLastModified().toInstant()));
            }
        }
        return new Content(List.of(), pages);
    }

    private static URI uri(URL url) {
        if (url == null) {
            return null;
        }
        SeedUrls.Parsed parsed = SeedUrls.parse(url.toString());
        return parsed.ok() ? parsed.url() : null;
    }
}
