package dev.trawl.internal.discover;

import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams an XML sitemap ({@code <urlset>}) or sitemap index ({@code <sitemapindex>}) with StAX:
 * each entry goes to the visitor as it is read, so memory does not grow with the sitemap's
 * length. DTDs are refused (no entity can be declared, so none expands or reaches a file);
 * namespaces are not checked, as shops get them wrong. An entry whose {@code <loc>} is not an
 * http(s) URL is skipped, counted and told to the visitor.
 */
final class XmlSitemap {
    private static final XMLInputFactory FACTORY = factory();

    private XmlSitemap() {}

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** Reads the document to its end; returns the entries skipped for a bad {@code <loc>}. */
    static long read(InputStream in, SitemapReader.Visitor visitor) throws SitemapReader.Unreadable {
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(in);
            while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
                if (r.getEventType() == XMLStreamConstants.DTD) {
                    throw new SitemapReader.Unreadable("not a sitemap: a DOCTYPE (DTDs are refused)");
                }
            }
            if (!r.isStartElement()) {
                throw new SitemapReader.Unreadable("not a sitemap: no element");
            }
            String root = r.getLocalName();
            boolean index = root.equals("sitemapindex");
            if (!index && !root.equals("urlset")) {
                throw new SitemapReader.Unreadable("not a sitemap: the root element is <" + root + ">, not <urlset> or <sitemapindex>");
            }
            return entries(r, index ? "sitemap" : "url", index, visitor);
        } catch (XMLStreamException e) {
            // The JDK's messages start with "ParseError at [row,col]:[1,2]" and say what on a "Message:" line.
            String message = String.valueOf(e.getMessage());
            int at = message.indexOf("Message:");
            throw new SitemapReader.Unreadable("not a sitemap: " + (at < 0 ? message : message.substring(at + 8)).strip());
        } finally {
            close(r);
        }
    }

    private static long entries(XMLStreamReader r, String entry, boolean index, SitemapReader.Visitor visitor)
            throws XMLStreamException, SitemapReader.Unreadable {
        long skipped = 0;
        String loc = null;
        String lastmod = null;
        int depth = 1;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.DTD) {
                throw new SitemapReader.Unreadable("not a sitemap: a DOCTYPE (DTDs are refused)");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = r.getLocalName();
                if (depth == 3 && name.equals("loc")) {
                    loc = r.getElementText().strip();
                    depth--;
                } else if (depth == 3 && name.equals("lastmod")) {
                    lastmod = r.getElementText().strip();
                    depth--;
                } else if (depth == 2 && name.equals(entry)) {
                    loc = null;
                    lastmod = null;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == 2 && r.getLocalName().equals(entry) && loc != null) {
                    SeedUrls.Parsed parsed = SeedUrls.parse(loc);
                    if (!parsed.ok()) {
                        skipped++;
                        visitor.unusable(loc, parsed.message());
                    } else if (index) {
                        visitor.sitemap(parsed.url());
                    } else {
                        visitor.page(new SitemapReader.Entry(parsed.url(), instant(lastmod)));
                    }
                    loc = null;
                }
                depth--;
            }
        }
        return skipped;
    }

    /** A W3C datetime as sitemaps write it: a year, a month, a day, or a full time with its offset; null when none of these. */
    static Instant instant(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            if (text.length() == 4) {
                return Year.parse(text).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (text.length() == 7) {
                return YearMonth.parse(text).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void close(XMLStreamReader r) {
        if (r != null) {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // the document was read, or failed already
            }
        }
    }
}
