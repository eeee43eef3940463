package dev.trawl.extract;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A fetched page as extractors see it. The body array is shared, not copied: it must not be
 * changed.
 *
 * @param contentType the Content-Type header, or null
 */
public record Page(URI url, int status, String contentType, byte[] body) {

    /**
     * The body as text: the charset of the Content-Type header, else of a {@code <meta>} tag in the
     * first 1024 bytes, else UTF-8. An unknown charset name also gives UTF-8; this never throws.
     */
    public String text() {
        return new String(body, charset());
    }

    Charset charset() {
        String named = charsetParam(contentType);
        if (named == null) {
            named = metaCharset();
        }
        if (named != null) {
            try {
                return Charset.forName(named);
            } catch (IllegalArgumentException e) {
                // an unknown or illegal name: fall through to the web's default
            }
        }
        return StandardCharsets.UTF_8;
    }

    private String metaCharset() {
        String head = new String(body, 0, Math.min(body.length, 1024), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        for (int i = head.indexOf("<meta"); i >= 0; i = head.indexOf("<meta", i + 5)) {
            int end = head.indexOf('>', i);
            if (end < 0) {
                break;
            }
            String found = charsetParam(head.substring(i, end));
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The value after {@code charset=} in a header or attribute text, or null. */
    private static String charsetParam(String text) {
        if (text == null) {
            return null;
        }
        int at = text.toLowerCase(Locale.ROOT).indexOf("charset=");
        if (at < 0) {
            return null;
        }
        int start = at + 8;
        while (start < text.length() && (text.charAt(start) == '"' || text.charAt(start) == '\'' || text.charAt(start) == ' ')) {
            start++;
        }
        int end = start;
        while (end < text.length() && "\"'; />".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return end > start ? text.substring(start, end) : null;
    }
}
