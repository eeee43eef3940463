package dev.trawl.internal.extract;

import dev.trawl.extract.Page;

import java.net.URI;
import org.jsoup.nodes.Document;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A page's markup as the raw-text extractors scan it, made once per page and shared by them. For
 * the usual ASCII-compatible charsets the markup is a Latin-1 view of the bytes (a plain copy:
 * decoding a whole 40 KB page costs more than the rest of extraction), so offsets are byte
 * offsets and only the slices that are kept get decoded, with {@link #decode}. Other charsets are
 * decoded whole. One thread, one page.
 */
final class PageSource {
    private final Page page;
    private final Charset charset;
    private final String markup;
    private final boolean bytesView;

    private PageSource(Page page) {
        this.page = page;
        this.charset = page.charset();
        this.bytesView = isAsciiCompatible(charset);
        this.markup = bytesView ? new String(page.body(), StandardCharsets.ISO_8859_1) : page.text();
    }

    static PageSource of(Page page) {
        return new PageSource(page);
    }

    URI url() {
        return page.url();
    }

    /** The markup to scan for ASCII markers; its characters are bytes when the charset is ASCII-compatible. */
    String markup() {
        return markup;
    }

    /** The text of {@code markup()[start, end)}. */
    String decode(int start, int end) {
        return bytesView ? new String(page.body(), start, end - start, charset) : markup.substring(start, end);
    }

    /** The text of a slice taken from {@link #markup()}. */
    String decode(String slice) {
        if (!bytesView || charset.equals(StandardCharsets.ISO_8859_1) || isAscii(slice)) {
            return slice;
        }
        return new String(slice.getBytes(StandardCharsets.ISO_8859_1), charset);
    }

    /** The page's DOM, parsed once for every reader of the page ({@link Page#document()}). */
    Document document() {
        return page.document();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether every byte below 0x80 means its ASCII character and no multi-byte character uses
     * such a byte, so that ASCII markup found in the raw bytes is markup.
     */
    static boolean isAsciiCompatible(Charset charset) {
        String name = charset.name();
        return name.equals("UTF-8") || name.equals("US-ASCII") || name.startsWith("ISO-8859-") || name.startsWith("windows-125")
                || name.startsWith("KOI8-") || name.equals("EUC-JP") || name.equals("EUC-KR");
    }
}
