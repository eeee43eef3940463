package dev.trawl.internal.discover;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads a sitemap or sitemap index, plain or gzipped. The XML forms ({@code <urlset>},
 * {@code <sitemapindex>}) are streamed ({@link XmlSitemap}): each entry reaches the visitor as it
 * is read, so a sitemap of a million URLs never exists as a million objects; the text and
 * RSS/Atom forms go to crawler-commons. DTDs and external entities are refused; a gzipped sitemap
 * is read up to {@link #MAX_BYTES} decompressed (the protocol's 50 MB) and refused past it.
 * Thread-safe.
 */
public final class SitemapReader {
    /** The sitemap protocol's limit on an uncompressed sitemap. */
    public static final long MAX_BYTES = 50L * 1024 * 1024;

    private SitemapReader() {}

    /** A page a sitemap lists, with its {@code <lastmod>} (null when absent). */
    public record Entry(URI url, Instant lastModified) {}

    /** What a sitemap holds: child sitemaps (an index) or pages; never both. */
    public record Content(List<URI> sitemaps, List<Entry> pages) {}

    /** Receives what a sitemap lists, in document order, as it is read. */
    public interface Visitor {
        void sitemap(URI child);

        void page(Entry page);

        /** An entry whose location is no http(s) URL trawl can request, as written, and why; it is skipped. */
        default void unusable(String location, String why) {}
    }

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

    /** The whole content, in memory: for small sitemaps and tests. */
    public static Content read(URI url, String contentType, byte[] body) throws Unreadable {
        List<URI> sitemaps = new ArrayList<>();
        List<Entry> pages = new ArrayList<>();
        stream(url, contentType, body, new Visitor() {
            @Override
            public void sitemap(URI child) {
                sitemaps.add(child);
            }

            @Override
            public void page(Entry page) {
                pages.add(page);
            }
        });
        return new Content(sitemaps, pages);
    }

    /** Streams what the sitemap lists to {@code visitor}; entries read before an error have reached it. */
    public static void stream(URI url, String contentType, byte[] body, Visitor visitor) throws Unreadable {
        boolean gzip = body.length >= 2 && body[0] == (byte) 0x1f && body[1] == (byte) 0x8b;
        if (isXmlSitemap(gzip ? head(body) : body)) {
            try (InputStream in = gzip ? new CappedInputStream(new GZIPInputStream(new ByteArrayInputStream(body), 64 * 1024), MAX_BYTES)
                    : new ByteArrayInputStream(body)) {
                XmlSitemap.read(in, visitor);
            } catch (IOException e) {
                throw new Unreadable("cannot read the sitemap: " + e.getMessage());
            } catch (UncheckedIOException e) {
                throw new Unreadable("cannot read the sitemap: " + e.getCause().getMessage());
            }
            return;
        }
        otherForms(url, contentType, gzip ? gunzip(body) : body, visitor);
    }

    /** Whether the document's first element is a sitemap's: the rest (text, RSS, Atom, not a sitemap at all) go to crawler-commons. */
    private static boolean isXmlSitemap(byte[] start) {
        String head = new String(start, 0, Math.min(start.length, 4096), java.nio.charset.StandardCharsets.ISO_8859_1);
        int tag = -1;
        for (int i = head.indexOf('<'); i >= 0 && i + 1 < head.length(); i = head.indexOf('<', i + 1)) {
            char c = head.charAt(i + 1);
            if (c != '?' && c != '!') {
                tag = i + 1;
                break;
            }
        }
        if (tag < 0) {
            return head.stripLeading().startsWith("<");
        }
        String name = head.substring(tag).split("[\\s>/]", 2)[0];
        String local = name.substring(name.indexOf(':') + 1);
        return !local.equals("rss") && !local.equals("feed") && !local.equals("RDF");
    }

    /** The first decompressed bytes of a gzipped body (empty when it is not gzip after all). */
    private static byte[] head(byte[] gz) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readNBytes(4096);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static byte[] gunzip(byte[] gz) throws Unreadable {
        try (InputStream in = new CappedInputStream(new GZIPInputStream(new ByteArrayInputStream(gz)), MAX_BYTES)) {
            return in.readAllBytes();
        } catch (IOException | UncheckedIOException e) {
            throw new Unreadable("cannot read the sitemap: " + e.getMessage());
        }
    }

    private static void otherForms(URI url, String contentType, byte[] body, Visitor visitor) throws Unreadable {
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
            for (AbstractSiteMap child : ((SiteMapIndex) map).getSitemaps()) {
                URI u = uri(child.getUrl(), visitor);
                if (u != null) {
                    visitor.sitemap(u);
                }
            }
            return;
        }
        for (SiteMapURL page : ((SiteMap) map).getSiteMapUrls()) {
            URI u = uri(page.getUrl(), visitor);
            if (u != null) {
                visitor.page(new Entry(u, page.getLastModified() == null ? null : page.getLastModified().toInstant()));
            }
        }
    }

    private static URI uri(URL url, Visitor visitor) {
        if (url == null) {
            return null;
        }
        SeedUrls.Parsed parsed = SeedUrls.parse(url.toString());
        if (!parsed.ok()) {
            visitor.unusable(url.toString(), parsed.message());
        }
        return parsed.url();
    }
}
