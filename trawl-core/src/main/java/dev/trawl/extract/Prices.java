package dev.trawl.extract;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Exact prices and currency codes from structured data. Never goes through a double. The full
 * price parser for human-readable text ("1.299,99 €") comes with the recipe extractor.
 */
final class Prices {
    private static final Pattern PLAIN = Pattern.compile("\\d+(\\.\\d+)?|\\.\\d+");
    private static final Pattern THOUSANDS_COMMA = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("\\d+,\\d{2}");

    private Prices() {}

    /** "19.99", "1299", "1,299.99", "19,99" → exact decimal; anything else (or negative) → null. */
    static BigDecimal parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip().replace("\u00a0", "").replace(" ", "");
        if (PLAIN.matcher(s).matches()) {
            return new BigDecimal(s);
        }
        if (THOUSANDS_COMMA.matcher(s).matches()) {
            return new BigDecimal(s.replace(",", ""));
        }
        if (DECIMAL_COMMA.matcher(s).matches()) {
            return new BigDecimal(s.replace(',', '.'));
        }
        return null;
    }

    /** An ISO 4217 code (three letters, upper-cased), or null. */
    static String currency(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip().toUpperCase(Locale.ROOT);
        if (s.length() != 3) {
            return null;
        }
        for (int i = 0; i < 3; i++) {
            if (s.charAt(i) < 'A' || s.charAt(i) > 'Z') {
                return null;
            }
        }
        return s;
    }
}
