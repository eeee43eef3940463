package dev.trawl.internal.discover;

import dev.trawl.internal.text.ControlChars;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The URL Standard's IPv4 parser (section 3.5): one to four parts, each decimal, hex
 * ({@code 0x}) or octal (a leading {@code 0}), the last filling the bytes left
 * ({@code 127.1}, {@code 2130706433}, {@code 0x7f.0.0.1} are all {@code 127.0.0.1}).
 */
final class Ipv4Host {
    /** Larger than any part may be: parsing stops growing a number here. */
    private static final long TOO_LARGE = 1L << 40;

    private Ipv4Host() {}

    /** Whether a domain's last label (a trailing dot aside) is a number, which makes the host an IPv4 address or invalid. */
    static boolean endsInNumber(String domain) {
        List<String> parts = new ArrayList<>(Arrays.asList(domain.split("\\.", -1)));
        if (parts.getLast().isEmpty()) {
            if (parts.size() == 1) {
                return false;
            }
            parts.removeLast();
        }
        String last = parts.getLast();
        return !last.isEmpty() && last.chars().allMatch(c -> c >= '0' && c <= '9') || number(last) >= 0;
    }

    /** The address in dotted decimal. */
    static String parse(String domain) throws WebUrl.Invalid {
        List<String> parts = new ArrayList<>(Arrays.asList(domain.split("\\.", -1)));
        if (parts.getLast().isEmpty() && parts.size() > 1) {
            parts.removeLast();
        }
        if (parts.size() > 4) {
            throw invalid(domain, "more than four parts");
        }
        long[] numbers = new long[parts.size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = number(parts.get(i));
            if (numbers[i] < 0) {
                throw invalid(domain, "'" + ControlChars.shown(parts.get(i)) + "' is not a number");
            }
            if (i < numbers.length - 1 && numbers[i] > 255) {
                throw invalid(domain, numbers[i] + " is more than 255");
            }
        }
        long last = numbers[numbers.length - 1];
        if (last >= 1L << (8 * (5 - numbers.length))) {
            throw invalid(domain, "the last part is too large");
        }
        long address = last;
        for (int i = 0; i < numbers.length - 1; i++) {
            address += numbers[i] << (8 * (3 - i));
        }
        return (address >> 24) + "." + (address >> 16 & 0xFF) + "." + (address >> 8 & 0xFF) + "." + (address & 0xFF);
    }

    /** An IPv4 number (decimal, 0x hex, 0 octal; "0x" alone is 0), capped at {@link #TOO_LARGE}; -1 when it is none. */
    private static long number(String part) {
        if (part.isEmpty()) {
            return -1;
        }
        int radix = 10;
        String digits = part;
        if (part.length() >= 2 && (part.startsWith("0x") || part.startsWith("0X"))) {
            radix = 16;
            digits = part.substring(2);
        } else if (part.length() >= 2 && part.charAt(0) == '0') {
            radix = 8;
            digits = part.substring(1);
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), radix);
            if (d < 0 || digits.charAt(i) >= 0x80) {
                return -1;
            }
            value = Math.min(TOO_LARGE, value * radix + d);
        }
        return value;
    }

    private static WebUrl.Invalid invalid(String host, String why) {
        return new WebUrl.Invalid("host '" + ControlChars.shown(host) + "' is not a valid IPv4 address: " + why);
    }
}
