package dev.trawl.internal.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class SitemapReaderTest {
    private static final URI AT = URI.create("http://shop.example/sitemaps/products-1.xml");

    @Test
    void readsAFullChildOf50000UrlsWithLastmod() throws Exception {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (int i = 0; i < 50_000; i++) {
            xml.append("<url><loc>http://shop.example/p/").append(i).append("</loc><lastmod>2026-11-0").append(1 + i % 9)
                    .append("</lastmod></url>\n");
        }
        SitemapReader.Content c = SitemapReader.read(AT, "application/xml", xml.append("</urlset>").toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(50_000, c.pages().size());
        assertEquals(List.of(), c.sitemaps());
        assertEquals(URI.create("http://shop.example/p/49999"), c.pages().get(49_999).url());
        assertEquals(Instant.parse("2026-11-02T00:00:00Z"), c.pages().get(1).lastModified());
    }

    @Test
    void readsAGzippedIndex() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>http://shop.example/sitemaps/a.xml</loc></sitemap>
                  <sitemap><loc>http://cdn.example/sitemaps/b.xml.gz</loc><lastmod>2026-11-01</lastmod></sitemap>
                </sitemapindex>
                """;
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(xml.getBytes(StandardCharsets.UTF_8));
        }
        SitemapReader.Content c = SitemapReader.read(URI.create("http://shop.example/sitemap.xml.gz"), "application/gzip", gz.toByteArray());
        assertEquals(List.of(URI.create("http://shop.example/sitemaps/a.xml"), URI.create("http://cdn.example/sitemaps/b.xml.gz")),
                c.sitemaps());
    }

    @Test
    void refusesExternalEntities() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE urlset [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://shop.example/&x;</loc></url></urlset>
                """;
        SitemapReader.Unreadable e = assertThrows(SitemapReader.Unreadable.class,
                () -> SitemapReader.read(AT, "application/xml", xxe.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("DOCTYPE") || e.getMessage().contains("DTD"), e.getMessage());
    }

    @Test
    void saysWhyAPageIsNotASitemap() {
        SitemapReader.Unreadable e = assertThrows(SitemapReader.Unreadable.class,
                () -> SitemapReader.read(AT, "text/html", "<html><body>Not found</body></html>".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith("not a sitemap") || e.getMessage().startsWith("cannot read"), e.getMessage());
    }

    @Test
    void aGzippedSitemapIsReadTo50MegabytesDecompressedAndRefusedPastIt() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">".getBytes(StandardCharsets.UTF_8));
            byte[] entry = "<url><loc>http://shop.example/p/1</loc></url>\n".getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written <= SitemapReader.MAX_BYTES; written += entry.length) {
                out.write(entry);
            }
            out.write("</urlset>".getBytes(StandardCharsets.UTF_8));
        }
        long[] seen = new long[1];
        SitemapReader.Unreadable e = assertThrows(SitemapReader.Unreadable.class, () -> SitemapReader.stream(AT, "application/gzip",
                gz.toByteArray(), new SitemapReader.Visitor() {
                    @Override
                    public void sitemap(URI child) {}

                    @Override
                    public void page(SitemapReader.Entry page) {
                        seen[0]++;
                    }
                }));
        assertTrue(e.getMessage().contains("larger than 50 MB decompressed"), e.getMessage());
        assertTrue(seen[0] > 1_000_000, "the entries before the cap were streamed: " + seen[0]);
    }

    @Test
    void readsTheW3cDatetimeFormsAndSkipsBadLocs() throws Exception {
        String xml = """
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>http://shop.example/a</loc><lastmod>2026</lastmod></url>
                  <url><loc> http://shop.example/b </loc><lastmod>2026-11</lastmod></url>
                  <url><loc>http://shop.example/c</loc><lastmod>2026-11-05T10:30:00+01:00</lastmod></url>
                  <url><loc>mailto:someone@example.com</loc></url>
                  <url><loc>http://shop.example/d?x=1&amp;y=2</loc><lastmod>yesterday</lastmod></url>
                </urlset>
                """;
        SitemapReader.Content c = SitemapReader.read(AT, "text/xml", xml.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(URI.create("http://shop.example/a"), URI.create("http://shop.example/b"), URI.create("http://shop.example/c"),
                URI.create("http://shop.example/d?x=1&y=2")), c.pages().stream().map(SitemapReader.Entry::url).toList());
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), c.pages().get(0).lastModified());
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), c.pages().get(1).lastModified());
        assertEquals(Instant.parse("2026-11-05T09:30:00Z"), c.pages().get(2).lastModified());
        assertEquals(null, c.pages().get(3).lastModified());
    }

    @Test
    void locsAreReadAsBrowsersReadThemAndTheUnusableOnesAreTold() throws Exception {
        String xml = """
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>http://shop.example?product=1</loc></url>
                  <url><loc>http://shop.example/red shoes/café</loc></url>
                  <url><loc>http://shop.example:66000/p/2</loc></url>
                  <url><loc>ftp://shop.example/p/3</loc></url>
                </urlset>
                """;
        List<URI> pages = new ArrayList<>();
        List<String> unusable = new ArrayList<>();
        SitemapReader.stream(AT, "text/xml", xml.getBytes(StandardCharsets.UTF_8), new SitemapReader.Visitor() {
            @Override
            public void sitemap(URI child) {}

            @Override
            public void page(SitemapReader.Entry page) {
                pages.add(page.url());
            }

            @Override
            public void unusable(String location, String why) {
                unusable.add(location + ": " + why);
            }
        });
        assertEquals(List.of(URI.create("http://shop.example/?product=1"), URI.create("http://shop.example/red%20shoes/caf%C3%A9")),
                pages);
        assertEquals(List.of("http://shop.example:66000/p/2: port 66000 is out of range (0 to 65535)",
                "ftp://shop.example/p/3: unsupported scheme 'ftp' (only http and https)"), unusable);
    }

    @Test
    void aTextSitemapStillReads() throws Exception {
        SitemapReader.Content c = SitemapReader.read(AT, "text/plain", "http://shop.example/a\nhttp://shop.example/b\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(2, c.pages().size());
    }
}
