package dev.trawl.internal.discover;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The URL Standard's percent-encode sets (section 1.3), UTF-8 percent-encoding of one code point,
 * and percent-decoding to bytes. Hex digits are written in upper case, as the standard does.
 */
public final class PercentEncoding {
    /** Which code points a component escapes; each set holds the one before it, but for FRAGMENT. */
    enum EncodeSet {
        /** C0 controls and everything above U+007E. */
        C0_CONTROL(""),
        FRAGMENT(" \"<>`"),
        QUERY(" \"#<>"),
        /** The query set of special schemes (http, https): also {@code '}. */
        SPECIAL_QUERY(" \"#<>'"),
        PATH(" \"#<>?^`{}"),
        USERINFO(" \"#<>?^`{}/:;=@[\\]|");

        private final String ascii;

        EncodeSet(String ascii) {
            this.ascii = ascii;
        }

        boolean contains(int c) {
            return c < 0x20 || c > 0x7E || ascii.indexOf(c) >= 0;
        }
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {}

    /** Appends {@code codePoint}, as its UTF-8 bytes in %XX escapes when {@code set} holds it. */
    static void append(StringBuilder out, int codePoint, EncodeSet set) {
        if (!set.contains(codePoint)) {
            out.append((char) codePoint);
            return;
        }
        for (byte b : Character.toString(codePoint).getBytes(StandardCharsets.UTF_8)) {
            appendByte(out, b);
        }
    }

    static void appendByte(StringBuilder out, byte b) {
        out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }

    /** The bytes of {@code s} (UTF-8) with each %XX escape read as the byte it names; a % without two hex digits stays. */
    public static byte[] decode(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
                out.write(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toByteArray();
    }

    /** Whether {@code s} has a %XX escape at {@code i}. */
    static boolean isEscape(CharSequence s, int i) {
        return i + 2 < s.length() && s.charAt(i) == '%' && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0;
    }

    /** The value of an ASCII hex digit, else -1. */
    static int hex(int b) {
        return b >= '0' && b <= '9' ? b - '0' : b >= 'a' && b <= 'f' ? b - 'a' + 10 : b >= 'A' && b <= 'F' ? b - 'A' + 10 : -1;
    }
}
