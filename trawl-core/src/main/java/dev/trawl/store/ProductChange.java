package dev.trawl.store;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How one product differs between two runs, keyed by site and SKU (or URL when it has none).
 * Prices are exact; {@link #percent()} is the price change rounded to two places.
 *
 * @param change what changed: {@code new}, {@code removed}, {@code price}, {@code availability} or {@code price,availability}
 */
public record ProductChange(String change, String site, String key, String name, BigDecimal oldPrice, BigDecimal newPrice,
                            String oldCurrency, String newCurrency, String oldAvailability, String newAvailability) {

    /** The price change in percent of the old price; null unless both prices exist in one currency. */
    public BigDecimal percent() {
        if (oldPrice == null || newPrice == null || oldPrice.signum() == 0 || !java.util.Objects.equals(oldCurrency, newCurrency)) {
            return null;
        }
        return newPrice.subtract(oldPrice).multiply(BigDecimal.valueOf(100)).divide(oldPrice, 2, RoundingMode.HALF_EVEN);
    }
}
