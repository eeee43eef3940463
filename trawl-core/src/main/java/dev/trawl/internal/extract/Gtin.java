package dev.trawl.internal.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** Global Trade Item Numbers (EAN, UPC, ISBN-13, ITF-14) as pages write them. */
final class Gtin {
    /** The fields schema.org states a GTIN in, the general one first, and how many digits each holds (0: any). */
    private static final String[] FIELDS = {"gtin", "gtin13", "gtin12", "gtin14", "gtin8"};
    private static final int[] FIELD_DIGITS = {0, 13, 12, 14, 8};
    private static final int MAX_DIGITS = 14;

    private Gtin() {}

    /** The GTIN a node (a product, a variant, an offer) states in the first of its GTIN fields that holds one, or null. */
    static String stated(JsonNode node) {
        for (int i = 0; i < FIELDS.length; i++) {
            String gtin = of(node.get(FIELDS[i]), FIELD_DIGITS[i]);
            if (gtin != null) {
                return gtin;
            }
        }
        return null;
    }

    /**
     * The GTIN a JSON value states: text as {@link #digits}; a number (Shopify themes print a
     * barcode unquoted) as the whole number it is, written in any form ({@code 7612345000114},
     * {@code 7.612345000114E12}, {@code 7612345000114.0}), its digits read exactly, never through
     * a double. A number with a fraction, or negative, states none.
     */
    static String of(JsonNode value) {
        return of(value, 0);
    }

    /**
     * As {@link #of(JsonNode)}, for a field of {@code length} digits ({@code gtin12}...; 0 for any):
     * a number has lost its leading zeros ({@code "gtin12": 036000291452} is read as
     * 36000291452), which are put back to that length when the check digit then holds.
     */
    static String of(JsonNode value, int length) {
        JsonNode v = JsonLd.scalar(value);
        if (v == null) {
            return null;
        }
        if (!v.isNumber()) {
            return digits(JsonLd.text(v));
        }
        String whole = whole(v.decimalValue());
        if (whole != null && whole.length() < length) {
            String padded = "0".repeat(length - whole.length()) + whole;
            return checkDigitHolds(padded) ? padded : null;
        }
        return digits(whole);
    }

    /** A positive whole number's digits, or null. */
    private static String whole(BigDecimal number) {
        // precision - scale is the count of digits before the point: checked before any digit is
        // written out, so an exponent of a billion costs nothing.
        if (number.signum() <= 0 || number.precision() - number.scale() > MAX_DIGITS) {
            return null;
        }
        BigDecimal whole = number.stripTrailingZeros();
        return whole.scale() > 0 ? null : whole.toPlainString();
    }

    /**
     * The GTIN a text states as its digits alone: spaces and hyphens between digit groups are
     * dropped; what remains must be 8, 12, 13 or 14 digits, else null. The check digit of those
     * is not verified: a page's number is reported as stated. 11 digits are a UPC-A that lost its
     * leading zero (to a spreadsheet, or to being printed as a number): the zero is put back when
     * the check digit then holds, else there is no GTIN.
     */
    static String digits(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder d = new StringBuilder(MAX_DIGITS);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (d.length() == MAX_DIGITS) {
                    return null;
                }
                d.append(c);
            } else if (c != ' ' && c != '-') {
                return null;
            }
        }
        return switch (d.length()) {
            case 8, 12, 13, 14 -> d.toString();
            case 11 -> checkDigitHolds(d) ? "0" + d : null;
            default -> null;
        };
    }

    /** Whether the last digit is the GS1 check digit of the others (weights 3 and 1 alternating from the right). */
    static boolean checkDigitHolds(CharSequence digits) {
        int n = digits.length();
        int sum = 0;
        for (int i = n - 2, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (digits.charAt(i) - '0') * weight;
        }
        return (10 - sum % 10) % 10 == digits.charAt(n - 1) - '0';
    }
}
