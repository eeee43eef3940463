package dev.trawl.internal.extract;

import dev.trawl.internal.text.Ascii;

import java.nio.charset.Charset;

/**
 * Decodes the HTML character references that many shops leave inside JSON-LD strings (their
 * template HTML-escapes before JSON-escaping): {@code &amp; &quot; &apos; &lt; &gt; &nbsp;} and
 * numeric ones ({@code &#39; &#x27;}). One pass only: {@code &amp;amp;} becomes {@code &amp;}.
 * A reference that names nothing valid is left as written.
 */
final class HtmlEntities {
    private static final int MAX_REFERENCE = 10;
    /** Numeric references 128-159 mean windows-1252 characters, as in browsers ({@code &#150;} is a dash). */
    private static final String C1 = decodeWindows1252();

    private HtmlEntities() {}

    static String decode(String s) {
        int amp = s.indexOf('&');
        if (amp < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        out.append(s, 0, amp);
        int i = amp;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '&') {
                int semi = s.indexOf(';', i + 1);
                int cp = semi > i + 1 && semi - i <= MAX_REFERENCE ? codePoint(s, i + 1, semi) : -1;
                if (cp >= 0) {
                    out.appendCodePoint(cp);
                    i = semi + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** The code point a reference's name ({@code s[from, to)}, between '&' and ';') stands for, or -1. */
    private static int codePoint(String s, int from, int to) {
        if (s.charAt(from) != '#') {
            return switch (s.substring(from, to)) {
                case "amp", "AMP" -> '&';
                case "quot", "QUOT" -> '"';
                case "apos" -> '\'';
                case "lt", "LT" -> '<';
                case "gt", "GT" -> '>';
                case "nbsp" -> 0xA0;
                default -> -1;
            };
        }
        boolean hex = from + 1 < to && (s.charAt(from + 1) == 'x' || s.charAt(from + 1) == 'X');
        int start = from + (hex ? 2 : 1);
        if (start >= to) {
            return -1;
        }
        int cp = 0;
        for (int i = start; i < to; i++) {
            int d = asciiDigit(s.charAt(i), hex);
            if (d < 0) {
                return -1;
            }
            cp = cp * (hex ? 16 : 10) + d;
            if (cp > Character.MAX_CODE_POINT) {
                return -1;
            }
        }
        if (cp >= 0x80 && cp <= 0x9F) {
            return C1.charAt(cp - 0x80);
        }
        boolean surrogate = cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE;
        return cp == 0 || surrogate ? -1 : cp;
    }

    private static int asciiDigit(char c, boolean hex) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char l = Ascii.lower(c);
        return hex && l >= 'a' && l <= 'f' ? l - 'a' + 10 : -1;
    }

    private static String decodeWindows1252() {
        byte[] c1 = new byte[32];
        for (int i = 0; i < c1.length; i++) {
            c1[i] = (byte) (0x80 + i);
        }
        StringBuilder out = new StringBuilder(new String(c1, Charset.forName("windows-1252")));
        for (int i = 0; i < out.length(); i++) {
            if (out.charAt(i) == '\uFFFD') {
                out.setCharAt(i, (char) (0x80 + i)); // the five bytes windows-1252 leaves undefined
            }
        }
        return out.toString();
    }
}
