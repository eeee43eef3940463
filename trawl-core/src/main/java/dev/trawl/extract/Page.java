package dev.trawl.extract;

import dev.trawl.internal.text.Ascii;
import dev.trawl.internal.text.StartTag;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A fetched page as extractors see it. The body array is shared, not copied: once a page is
 * made, the array must not be changed. The page decodes its text once and parses its DOM once,
 * on first use, for every reader of it (the extractors, recipes, the links followed); a page is
 * read by one thread at a time.
 */
public final class Page {
    private static final int META_PRESCAN_BYTES = 1024;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final URI url;
    private final int status;
    private final String contentType;
    private final byte[] body;
    private String text;
    private Document document;

    /**
     * @param url         where the page was fetched from
     * @param status      the HTTP status
     * @param contentType the Content-Type header, or null
     * @param body        the body's bytes, as received (after content decoding); empty, never null
     * @throws IllegalArgumentException if the body is null
     */
    public Page(URI url, int status, String contentType, byte[] body) {
        if (body == null) {
            throw new IllegalArgumentException("body must not be null; an empty page has an empty array");
        }
        this.url = url;
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    /** Where the page was fetched from. */
    public URI url() {
        return url;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The Content-Type header, or null. */
    public String contentType() {
        return contentType;
    }

    /** The body's bytes, as received (after content decoding); empty, never null. Not a copy: do not change it. */
    public byte[] body() {
        return body;
    }

    /**
     * The body as text. The charset is, in order: the one a byte-order mark shows; the
     * {@code charset=} of the Content-Type header; that of a {@code <meta charset>} or
     * {@code <meta http-equiv="Content-Type" content="...; charset=...">} in the first 1024 bytes;
     * else UTF-8. A name Java does not know counts as no name, so it too ends in UTF-8 when
     * nothing else names a charset. As in browsers, ISO-8859-1 and US-ASCII are read as their
     * superset windows-1252, and a UTF-16 named in a {@code <meta>} (which was just read as ASCII)
     * as UTF-8. Never throws; malformed bytes become U+FFFD. Decoded once.
     */
    public String text() {
        if (text == null) {
            int bom = bomLength();
            text = new String(body, bom, body.length - bom, charset());
        }
        return text;
    }

    /**
     * The page's DOM (jsoup, with the page's URL as base for {@code abs:} attributes), parsed from
     * {@link #text()} on first use and shared by every reader of the page: read it, do not change it.
     */
    public Document document() {
        if (document == null) {
            document = Jsoup.parse(text(), url == null ? "" : url.toString());
        }
        return document;
    }

    @Override
    public String toString() {
        return "Page[url=" + url + ", status=" + status + ", contentType=" + contentType + ", body=" + body.length + " bytes]";
    }

    /** The charset {@link #text()} decodes with. */
    public Charset charset() {
        if (body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (body.length >= 2 && body[0] == (byte) 0xFE && body[1] == (byte) 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (body.length >= 2 && body[0] == (byte) 0xFF && body[1] == (byte) 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        Charset named = forName(charsetParameter(contentType), false);
        if (named == null) {
            named = forName(metaCharset(), true);
        }
        return named != null ? named : StandardCharsets.UTF_8;
    }

    private int bomLength() {
        if (body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF) {
            return 3;
        }
        boolean utf16 = body.length >= 2
                && (body[0] == (byte) 0xFE && body[1] == (byte) 0xFF || body[0] == (byte) 0xFF && body[1] == (byte) 0xFE);
        return utf16 ? 2 : 0;
    }

    private static Charset forName(String name, boolean fromMeta) {
        if (name == null) {
            return null;
        }
        Charset charset;
        try {
            charset = Charset.forName(name.strip());
        } catch (IllegalArgumentException e) {
            return null; // an illegal or unknown name is no name
        }
        if (charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII)) {
            return WINDOWS_1252;
        }
        if (fromMeta && (charset.name().startsWith("UTF-16") || charset.name().startsWith("UTF-32"))) {
            return StandardCharsets.UTF_8;
        }
        return charset;
    }

    /** The charset a {@code <meta>} among the first 1024 bytes names, or null. Comments and other tags' attributes are skipped. */
    private String metaCharset() {
        String head = new String(body, 0, Math.min(body.length, META_PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        int i = 0;
        while ((i = head.indexOf('<', i)) >= 0 && i + 1 < head.length()) {
            if (head.startsWith("!--", i + 1)) {
                int close = head.indexOf("-->", i + 2);
                if (close < 0) {
                    return null;
                }
                i = close + 3;
                continue;
            }
            if (!Ascii.isLetter(head.charAt(i + 1))) {
                i++;
                continue;
            }
            int nameEnd = i + 2;
            while (nameEnd < head.length() && !Ascii.endsTagName(head, nameEnd)) {
                nameEnd++;
            }
            StartTag tag = StartTag.read(head, nameEnd);
            if (tag == null) {
                return null;
            }
            if (nameEnd - i == 5 && Ascii.matches(head, i + 1, "meta")) {
                String charset = tag.attribute("charset");
                if (charset != null && !charset.isBlank()) {
                    return charset;
                }
                String equiv = tag.attribute("http-equiv");
                if (equiv != null && equiv.strip().equalsIgnoreCase("content-type")) {
                    charset = charsetParameter(tag.attribute("content"));
                    if (charset != null) {
                        return charset;
                    }
                }
            }
            i = tag.end();
        }
        return null;
    }

    /** The value of {@code charset=} in a Content-Type value (quoted or not, any case), or null. */
    static String charsetParameter(String contentType) {
        if (contentType == null) {
            return null;
        }
        String s = contentType;
        for (int at = Ascii.indexOfAnyCase(s, "charset", 0); at >= 0; at = Ascii.indexOfAnyCase(s, "charset", at + 7)) {
            int i = at + 7;
            while (i < s.length() && Ascii.isSpace(s.charAt(i))) {
                i++;
            }
            if (i >= s.length() || s.charAt(i) != '=') {
                continue;
            }
            i++;
            while (i < s.length() && Ascii.isSpace(s.charAt(i))) {
                i++;
            }
            int end;
            if (i < s.length() && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
                end = s.indexOf(s.charAt(i), i + 1);
                i++;
                if (end < 0) {
                    return null;
                }
            } else {
                end = i;
                while (end < s.length() && !Ascii.isSpace(s.charAt(end)) && s.charAt(end) != ';') {
                    end++;
                }
            }
            return end > i ? s.substring(i, end) : null;
        }
        return null;
    }
}
