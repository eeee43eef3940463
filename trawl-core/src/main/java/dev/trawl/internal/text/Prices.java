package dev.trawl.internal.text;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Exact prices and currency codes from structured data, never through a double. A price is
 * accepted only when its reading is unambiguous; otherwise it is absent (null), never guessed.
 * Parsing human-readable price text ("1.299,99 €") is a different job, for the recipe extractor.
 */
public final class Prices {
    /** Above this many digits before the point a "price" is garbage, or an attempt to exhaust memory. */
    static final int MAX_INTEGER_DIGITS = 15;
    /** Above this many digits after the point (once trailing zeros are dropped), likewise. */
    static final int MAX_FRACTION_DIGITS = 12;
    private static final int MAX_TEXT = 64;

    private static final Pattern PLAIN = Pattern.compile("\\d+(\\.\\d+)?|\\.\\d+");
    private static final Pattern COMMA_GROUPS = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern SPACE_GROUPS = Pattern.compile("\\d{1,3}( \\d{3})+(\\.\\d+|,\\d{2})?");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("\\d+,\\d{2}");

    private Prices() {}

    /**
     * The exact price a text states, or null. Accepted, once leading and trailing whitespace
     * (no-break spaces too) is stripped: {@code 19.99}, {@code 1299}, {@code .99}; a decimal
     * comma when the text has a single comma followed by exactly two digits and no dot
     * ({@code 19,99}); comma thousands separators with a decimal point or more than one group
     * ({@code 1,299.99}, {@code 1,299,000}); space-separated thousands ({@code 1 299,99}).
     * Not accepted: {@code 1,299} (1299 or 1.299?), {@code 1.299,99}, signs, currency symbols.
     */
    public static BigDecimal parse(String text) {
        if (text == null) {
            return null;
        }
        String s = strip(text);
        if (s.isEmpty() || s.length() > MAX_TEXT) {
            return null;
        }
        if (PLAIN.matcher(s).matches()) {
            return check(new BigDecimal(s));
        }
        if (COMMA_GROUPS.matcher(s).matches() && (s.indexOf('.') >= 0 || s.indexOf(',') != s.lastIndexOf(','))) {
            return check(new BigDecimal(s.replace(",", "")));
        }
        if (DECIMAL_COMMA.matcher(s).matches()) {
            return check(new BigDecimal(s.replace(',', '.')));
        }
        String spaced = s.replace('\u00a0', ' ').replace('\u202f', ' ').replace('\u2009', ' ');
        if (SPACE_GROUPS.matcher(spaced).matches()) {
            return check(new BigDecimal(spaced.replace(" ", "").replace(',', '.')));
        }
        return null;
    }

    /**
     * A price as a usable value: null when negative or absurdly large or fine-grained; an
     * exponent form ({@code 1E+3}) written out as a plain integer. Trailing zeros are kept.
     */
    public static BigDecimal check(BigDecimal price) {
        if (price == null || price.signum() < 0 || price.precision() - price.scale() > MAX_INTEGER_DIGITS) {
            return null;
        }
        BigDecimal p = price;
        if (p.scale() > MAX_FRACTION_DIGITS) {
            p = p.stripTrailingZeros();
            if (p.scale() > MAX_FRACTION_DIGITS) {
                return null;
            }
        }
        return p.scale() < 0 ? p.setScale(0) : p;
    }

    /** An ISO 4217 code, upper-cased: three letters A-Z once surrounding whitespace is stripped; else null. */
    public static String currency(String text) {
        if (text == null) {
            return null;
        }
        String s = strip(text);
        if (s.length() != 3) {
            return null;
        }
        char[] code = new char[3];
        for (int i = 0; i < 3; i++) {
            char c = s.charAt(i);
            code[i] = c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
            if (code[i] < 'A' || code[i] > 'Z') {
                return null;
            }
        }
        return new String(code);
    }

    /** Whether a text is already a valid currency code as {@link #currency} returns it. */
    public static boolean isCurrencyCode(String s) {
        if (s.length() != 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            if (s.charAt(i) < 'A' || s.charAt(i) > 'Z') {
                return false;
            }
        }
        return true;
    }

    /** Strips whitespace at both ends, counting no-break and other Unicode spaces as whitespace. */
    public static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
