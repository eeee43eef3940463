package dev.trawl.internal.discover;

import dev.trawl.internal.text.ControlChars;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The URL Standard's host parser for http and https (section 3.5): an IPv6 address in brackets,
 * else a domain, percent-decoded, made ASCII, and read as an IPv4 address when its last label is
 * a number. An ASCII domain is only lower-cased (the standard's rule for ASCII input).
 *
 * <p>A label with other characters goes through {@link IDN#toASCII} (IDNA 2003's nameprep and
 * punycode), where the standard asks for UTS 46 non-transitional processing. They give the same
 * result for almost every name. Where they differ on a name shops use, this class does as UTS 46
 * does: {@code ß} and {@code ς} are kept (IDNA 2003 maps them to {@code ss} and {@code σ}, which
 * names another domain: {@code faß.de} is {@code xn--fa-hia.de}, not {@code fass.de}). Differences
 * left: the joiners U+200C and U+200D are dropped (UTS 46 keeps them where CheckJoiners allows,
 * else fails); characters Unicode assigned after 3.2 are passed through unmapped, not checked
 * against UTS 46's table; a label longer than 63 characters is refused.
 */
final class WebHost {
    /** The forbidden domain code points besides C0 controls and DEL. */
    private static final String FORBIDDEN = " #%/:<>?@[\\]^|";

    private WebHost() {}

    static String parse(String input) throws WebUrl.Invalid {
        if (input.startsWith("[")) {
            if (!input.endsWith("]")) {
                throw new WebUrl.Invalid("IPv6 host without its closing ]: " + ControlChars.shown(input));
            }
            return "[" + Ipv6Host.parse(input.substring(1, input.length() - 1)) + "]";
        }
        String domain = new String(PercentEncoding.decode(input), StandardCharsets.UTF_8);
        String ascii = toAscii(domain);
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if (c < 0x20 || c == 0x7F || FORBIDDEN.indexOf(c) >= 0) {
                throw new WebUrl.Invalid("host '" + ControlChars.shown(domain) + "' has a character no host may have: '"
                        + ControlChars.shown(String.valueOf(c)) + "'");
            }
        }
        return Ipv4Host.endsInNumber(ascii) ? Ipv4Host.parse(ascii) : ascii;
    }

    private static String toAscii(String domain) throws WebUrl.Invalid {
        if (isAscii(domain)) {
            return domain.toLowerCase(Locale.ROOT);
        }
        // IDNA's label separators: the full stop and its ideographic, fullwidth and halfwidth forms.
        String[] labels = domain.split("[.\u3002\uFF0E\uFF61]", -1);
        StringBuilder out = new StringBuilder(domain.length() + 16);
        for (int i = 0; i < labels.length; i++) {
            String label = labels[i];
            if (i > 0) {
                out.append('.');
            }
            if (isAscii(label)) {
                out.append(label.toLowerCase(Locale.ROOT));
                continue;
            }
            try {
                out.append(hasDeviation(label) ? "xn--" + Punycode.encode(mappedKeepingDeviations(label))
                        : IDN.toASCII(label, IDN.ALLOW_UNASSIGNED));
            } catch (IllegalArgumentException e) {
                throw new WebUrl.Invalid("host '" + ControlChars.shown(domain) + "' is not a valid international domain name");
            }
        }
        if (out.isEmpty()) {
            throw new WebUrl.Invalid("host '" + ControlChars.shown(domain) + "' is empty once mapped");
        }
        return out.toString();
    }

    private static boolean hasDeviation(String label) {
        return label.indexOf('\u00DF') >= 0 || label.indexOf('\u03C2') >= 0;
    }

    /** The label mapped as IDNA 2003 maps it, but for its ß and ς, which stay (UTS 46 non-transitional). */
    private static String mappedKeepingDeviations(String label) {
        StringBuilder out = new StringBuilder(label.length());
        StringBuilder piece = new StringBuilder();
        for (int i = 0; i <= label.length(); i++) {
            char c = i < label.length() ? label.charAt(i) : '\u00DF';
            if (c == '\u00DF' || c == '\u03C2') {
                out.append(mapped(piece.toString()));
                piece.setLength(0);
                if (i < label.length()) {
                    out.append(c);
                }
            } else {
                piece.append(c);
            }
        }
        return out.toString();
    }

    private static String mapped(String piece) {
        if (isAscii(piece)) {
            return piece.toLowerCase(Locale.ROOT);
        }
        return IDN.toUnicode(IDN.toASCII(piece, IDN.ALLOW_UNASSIGNED), IDN.ALLOW_UNASSIGNED);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
