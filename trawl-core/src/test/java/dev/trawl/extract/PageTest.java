package dev.trawl.extract;

import dev.trawl.extract.Page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageTest {
    private static final URI URL = URI.create("https://shop.test/p");

    private static Page page(String contentType, byte[] body) {
        return new Page(URL, 200, contentType, body);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void decodesWithTheCharsetOfTheContentTypeHeader() {
        byte[] latin1 = "<p>caf\u00e9</p>".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(6 + 5, latin1.length, "é is one byte");
        assertEquals("<p>caf\u00e9</p>", page("text/html; charset=ISO-8859-1", latin1).text());
        assertEquals("<p>caf\u00e9</p>", page("text/html;CHARSET=\"iso-8859-1\"", latin1).text());
        assertEquals("<p>caf\u00e9</p>", page("text/html; charset = 'latin1' ; foo=bar", latin1).text());
    }

    @Test
    void readsLatin1AsItsSupersetWindows1252AsBrowsersDo() {
        byte[] body = {'<', 'p', '>', (byte) 0x80, ' ', '5', (byte) 0x96, '6', '<', '/', 'p', '>'};
        assertEquals("<p>\u20ac 5\u20136</p>", page("text/html; charset=iso-8859-1", body).text());
        assertEquals("<p>\u20ac 5\u20136</p>", page("text/html; charset=us-ascii", body).text());
    }

    @Test
    void fallsBackToTheCharsetOfAMetaTag() {
        byte[] meta = "<html><head><meta charset=\"iso-8859-1\"></head><p>caf\u00e9</p></html>".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("<html><head><meta charset=\"iso-8859-1\"></head><p>caf\u00e9</p></html>", page("text/html", meta).text());
        assertEquals("<html><head><meta charset=\"iso-8859-1\"></head><p>caf\u00e9</p></html>", page(null, meta).text());

        Charset cyrillic = Charset.forName("windows-1251");
        byte[] bare = "<META CHARSET=windows-1251><p>\u0446\u0435\u043d\u0430</p>".getBytes(cyrillic);
        assertEquals("<META CHARSET=windows-1251><p>\u0446\u0435\u043d\u0430</p>", page("text/html", bare).text());

        Charset latin9 = Charset.forName("ISO-8859-15");
        String equiv = "<head><meta name=\"x\" content=\"charset=utf-8\">"
                + "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-15\"></head><p>9,99 \u20ac</p>";
        assertEquals(equiv, page("text/html", equiv.getBytes(latin9)).text(), "only http-equiv's content, not any content, names a charset");
    }

    @Test
    void theHeaderWinsOverTheMetaTag() {
        String html = "<meta charset=\"iso-8859-1\"><p>caf\u00e9</p>";
        assertEquals(html, page("text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8)).text());
    }

    @Test
    void readsMetaTagsOnlyInTheFirst1024BytesAndNotInCommentsOrAttributes() {
        String late = "<html><head>" + " ".repeat(1024) + "<meta charset=\"iso-8859-1\"><p>caf\u00e9</p>";
        assertEquals(StandardCharsets.UTF_8, page("text/html", late.getBytes(StandardCharsets.UTF_8)).charset());
        String commented = "<!-- <meta charset=\"iso-8859-1\"> --><p>caf\u00e9</p>";
        assertEquals(commented, page("text/html", commented.getBytes(StandardCharsets.UTF_8)).text());
        String inValue = "<div title='<meta charset=iso-8859-1>'></div><p>caf\u00e9</p>";
        assertEquals(inValue, page("text/html", inValue.getBytes(StandardCharsets.UTF_8)).text());
    }

    @Test
    void anUnknownCharsetNameCountsAsNoNameAndEndsInUtf8() {
        byte[] utf8 = "caf\u00e9".getBytes(StandardCharsets.UTF_8);
        assertEquals("caf\u00e9", page("text/html; charset=no-such-charset", utf8).text());
        assertEquals("caf\u00e9", page("text/html; charset=@@@", utf8).text());
        assertEquals("caf\u00e9", page("text/html; charset=", utf8).text());
        byte[] meta = "<meta charset=\"x-unheard-of\">caf\u00e9".getBytes(StandardCharsets.UTF_8);
        assertEquals("<meta charset=\"x-unheard-of\">caf\u00e9", page("text/html", meta).text());
        byte[] both = "<meta charset=\"iso-8859-1\">caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("<meta charset=\"iso-8859-1\">caf\u00e9", page("text/html; charset=bogus", both).text(),
                "an unknown header name lets the meta tag speak");
    }

    @Test
    void withoutAnyCharsetTheBodyIsUtf8() {
        assertEquals("caf\u00e9 \u4e2d", page("text/html", "caf\u00e9 \u4e2d".getBytes(StandardCharsets.UTF_8)).text());
        assertEquals("", page(null, new byte[0]).text());
    }

    @Test
    void aByteOrderMarkWinsAndIsNotPartOfTheText() {
        byte[] utf8 = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "caf\u00e9".getBytes(StandardCharsets.UTF_8));
        assertEquals("caf\u00e9", page("text/html; charset=iso-8859-1", utf8).text());
        byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "caf\u00e9".getBytes(StandardCharsets.UTF_16LE));
        assertEquals("caf\u00e9", page("text/html", utf16).text());
    }

    @Test
    void aUtf16NamedInAMetaTagMeansUtf8() {
        byte[] body = "<meta charset=\"utf-16\">caf\u00e9".getBytes(StandardCharsets.UTF_8);
        assertEquals("<meta charset=\"utf-16\">caf\u00e9", page("text/html", body).text());
    }

    @Test
    void malformedBytesBecomeReplacementCharacters() {
        byte[] body = {'a', (byte) 0xC3, 'b', (byte) 0xFF};
        assertEquals("a\uFFFDb\uFFFD", page("text/html; charset=utf-8", body).text());
    }

    @Test
    void refusesANullBodyAndShowsOnlyTheBodysLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> page("text/html", null));
        assertEquals("body must not be null; an empty page has an empty array", e.getMessage());
        assertEquals("Page[url=https://shop.test/p, status=200, contentType=text/html, body=3 bytes]", page("text/html", new byte[3]).toString());
    }

    @Test
    void readsTheCharsetParameterOfAContentType() {
        assertEquals("utf-8", Page.charsetParameter("text/html; charset=utf-8"));
        assertEquals("UTF-8", Page.charsetParameter("text/html;Charset=\"UTF-8\";q=1"));
        assertEquals("utf-8", Page.charsetParameter("text/html; charsets; charset =  utf-8 "));
        assertEquals(null, Page.charsetParameter("text/html"));
        assertEquals(null, Page.charsetParameter("text/html; charset=\"utf-8"));
        assertEquals(null, Page.charsetParameter(null));
    }

    @Test
    void decodesOnceAndParsesOneDomThatEveryReaderShares() {
        Page page = page("text/html; charset=utf-8", "<html><body><a href=\"/next\">café</a></body></html>".getBytes(StandardCharsets.UTF_8));
        String text = page.text();
        assertSame(text, page.text(), "decoded once");
        org.jsoup.nodes.Document dom = page.document();
        assertSame(dom, page.document(), "parsed once");
        assertEquals("https://shop.test/next", dom.selectFirst("a").absUrl("href"), "the page's URL is the DOM's base");
        assertEquals("café", dom.selectFirst("a").text());
    }
}
