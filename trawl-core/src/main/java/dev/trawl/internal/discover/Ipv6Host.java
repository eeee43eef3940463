package dev.trawl.internal.discover;

import dev.trawl.internal.text.ControlChars;

/**
 * The URL Standard's IPv6 parser and serialiser (sections 3.5 and 3.6): eight 16-bit pieces,
 * one run of zeros written {@code ::}, the last two pieces optionally in dotted IPv4 form;
 * serialised in lower-case hex with the first longest run of two or more zero pieces compressed.
 */
final class Ipv6Host {
    private Ipv6Host() {}

    /** The address between the brackets, serialised. */
    static String parse(String text) throws WebUrl.Invalid {
        return serialise(pieces(text));
    }

    private static int[] pieces(String text) throws WebUrl.Invalid {
        int[] address = new int[8];
        int piece = 0;
        int compress = -1;
        int p = 0;
        int n = text.length();
        if (at(text, p) == ':') {
            if (at(text, p + 1) != ':') {
                throw invalid(text, "it starts with a single ':'");
            }
            p += 2;
            compress = ++piece;
        }
        while (p < n) {
            if (piece == 8) {
                throw invalid(text, "more than eight pieces");
            }
            if (at(text, p) == ':') {
                if (compress >= 0) {
                    throw invalid(text, "'::' twice");
                }
                p++;
                compress = ++piece;
                continue;
            }
            int value = 0;
            int length = 0;
            while (length < 4 && PercentEncoding.hex(at(text, p)) >= 0) {
                value = value * 16 + PercentEncoding.hex(at(text, p));
                p++;
                length++;
            }
            if (at(text, p) == '.') {
                if (length == 0 || piece > 6) {
                    throw invalid(text, "misplaced IPv4 part");
                }
                p -= length;
                readIpv4(text, p, address, piece);
                piece += 2;
                p = n;
                break;
            }
            if (at(text, p) == ':') {
                p++;
                if (p == n) {
                    throw invalid(text, "it ends with a single ':'");
                }
            } else if (p < n) {
                throw invalid(text, "'" + ControlChars.shown(String.valueOf(text.charAt(p))) + "' is not a hex digit");
            }
            address[piece++] = value;
        }
        if (compress >= 0) {
            int swaps = piece - compress;
            for (int i = 7; i != 0 && swaps > 0; i--, swaps--) {
                int t = address[i];
                address[i] = address[compress + swaps - 1];
                address[compress + swaps - 1] = t;
            }
        } else if (piece != 8) {
            throw invalid(text, "fewer than eight pieces and no '::'");
        }
        return address;
    }

    /** Reads the dotted IPv4 form at {@code p} into pieces {@code piece} and {@code piece + 1}. */
    private static void readIpv4(String text, int p, int[] address, int piece) throws WebUrl.Invalid {
        int seen = 0;
        while (p < text.length()) {
            if (seen > 0) {
                if (at(text, p) != '.' || seen >= 4) {
                    throw invalid(text, "bad IPv4 part");
                }
                p++;
            }
            if (!isDigit(at(text, p))) {
                throw invalid(text, "bad IPv4 part");
            }
            int number = -1;
            while (isDigit(at(text, p))) {
                int d = at(text, p) - '0';
                if (number == 0) {
                    throw invalid(text, "an IPv4 part with a leading zero");
                }
                number = number < 0 ? d : number * 10 + d;
                if (number > 255) {
                    throw invalid(text, "an IPv4 part above 255");
                }
                p++;
            }
            address[piece] = address[piece] * 0x100 + number;
            seen++;
            if (seen == 2 || seen == 4) {
                piece++;
            }
        }
        if (seen != 4) {
            throw invalid(text, "an IPv4 part of fewer than four numbers");
        }
    }

    private static String serialise(int[] address) {
        int compress = -1;
        int longest = 1;
        for (int i = 0; i < 8; ) {
            int end = i;
            while (end < 8 && address[end] == 0) {
                end++;
            }
            if (end - i > longest) {
                longest = end - i;
                compress = i;
            }
            i = Math.max(end, i + 1);
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == compress) {
                out.append(i == 0 ? "::" : ":");
                i += longest - 1;
                continue;
            }
            out.append(Integer.toHexString(address[i]));
            if (i != 7) {
                out.append(':');
            }
        }
        return out.toString();
    }

    private static int at(String s, int i) {
        return i < s.length() ? s.charAt(i) : -1;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static WebUrl.Invalid invalid(String text, String why) {
        return new WebUrl.Invalid("host '[" + ControlChars.shown(text) + "]' is not a valid IPv6 address: " + why);
    }
}
