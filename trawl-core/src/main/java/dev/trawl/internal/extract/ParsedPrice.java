package dev.trawl.internal.extract;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A price read from the text a shop shows, as {@link PriceText} returns it. Every amount is exact
 * and keeps the scale the text showed ({@code 12,50} is 12.50, {@code ¥1,200} is 1200).
 *
 * @param amount the price to record, never null: the low end of a range, the new price of a sale
 * @param currency an ISO 4217 code in upper case, or null when neither the text nor the caller's
 *     hint names one
 * @param high the upper end of a range ({@code £10 - £20}), or null
 * @param was the struck-out, "was" or recommended price shown beside the new one, or null
 */
public record ParsedPrice(BigDecimal amount, String currency, BigDecimal high, BigDecimal was) {
    public ParsedPrice {
        Objects.requireNonNull(amount, "amount");
    }
}
