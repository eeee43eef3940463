package dev.trawl.store;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How one product differs between two runs, keyed by site and SKU (or URL when it has none).
 * Prices are exact; {@link #percent()} is the price change rounded to two places.
 *
 * @param change what changed
 */
public record ProductChange(Kind change, String site, String key, String name, BigDecimal oldPrice, BigDecimal newPrice,
                            String oldCurrency, String newCurrency, String oldAvailability, String newAvailability) {

    /** What changed about a product; {@link #code()} is how exports and the CLI name it. */
    public enum Kind {
        NEW("new"), REMOVED("removed"), PRICE("price"), AVAILABILITY("availability"), PRICE_AND_AVAILABILITY("price,availability");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        /** True when the price (or its currency) changed. */
        public boolean price() {
            return this == PRICE || this == PRICE_AND_AVAILABILITY;
        }

        @Override
        public String toString() {
            return code;
        }
    }

    /** The price change in percent of the old price; null unless both prices exist in one currency. */
    public BigDecimal percent() {
        if (oldPrice == null || newPrice == null || oldPrice.signum() == 0 || !java.util.Objects.equals(oldCurrency, newCurrency)) {
            return null;
        }
        return newPrice.subtract(oldPrice).multiply(BigDecimal.valueOf(100)).divide(oldPrice, 2, RoundingMode.HALF_EVEN);
    }
}
