package dev.trawl.internal.extract;

import dev.trawl.internal.text.Prices;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;

/** The average and the count an {@code AggregateRating} states. */
final class Ratings {
    private static final BigInteger MAX_COUNT = BigInteger.valueOf(Integer.MAX_VALUE);

    private Ratings() {}

    /**
     * {@code ratingValue} exactly as written ({@code 4.50} stays 4.50): a number, or a text with a
     * decimal point or a single decimal comma ({@code "4,5"}). Null when absent, unreadable or negative.
     */
    static BigDecimal value(JsonNode rating) {
        JsonNode v = JsonLd.scalar(rating == null ? null : rating.get("ratingValue"));
        if (v == null) {
            return null;
        }
        if (v.isNumber()) {
            return Prices.check(v.decimalValue());
        }
        String s = Prices.strip(v.textValue());
        if (s.indexOf('.') < 0 && s.indexOf(',') == s.lastIndexOf(',')) {
            s = s.replace(',', '.');
        }
        return Prices.parse(s);
    }

    /** {@code reviewCount}, else {@code ratingCount}: a whole number, never negative; else null. */
    static Integer count(JsonNode rating) {
        if (rating == null) {
            return null;
        }
        Integer reviews = wholeNumber(JsonLd.scalar(rating.get("reviewCount")));
        return reviews != null ? reviews : wholeNumber(JsonLd.scalar(rating.get("ratingCount")));
    }

    private static Integer wholeNumber(JsonNode v) {
        if (v == null) {
            return null;
        }
        BigDecimal n = v.isNumber() ? Prices.check(v.decimalValue()) : Prices.parse(v.textValue());
        if (n == null || n.stripTrailingZeros().scale() > 0) {
            return null;
        }
        BigInteger whole = n.toBigIntegerExact();
        return whole.compareTo(MAX_COUNT) > 0 ? null : whole.intValue();
    }
}
