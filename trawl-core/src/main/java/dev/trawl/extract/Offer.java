package dev.trawl.extract;

import dev.trawl.internal.text.ControlChars;
import java.math.BigDecimal;

/**
 * One variant's offer of a product (a size, a colour): what a shopper picks between on one page.
 * Absent fields are null.
 *
 * @param sku          the variant's SKU, or null
 * @param gtin         the variant's GTIN (8, 12, 13 or 14 digits), or null
 * @param name         the variant's name, or null
 * @param price        exact, never negative, or null
 * @param currency     ISO 4217, or null
 * @param availability or null
 */
public record Offer(String sku, String gtin, String name, BigDecimal price, String currency, Availability availability) {

    /**
     * The SKU, GTIN and name lose their control characters, as a {@link Product}'s text does.
     *
     * @throws IllegalArgumentException if the price is negative or the currency is not three letters A-Z
     */
    public Offer {
        Product.checkMoney(price, currency);
        sku = ControlChars.strip(sku);
        gtin = ControlChars.strip(gtin);
        name = ControlChars.strip(name);
    }

    /** An offer that states no GTIN. */
    public Offer(String sku, String name, BigDecimal price, String currency, Availability availability) {
        this(sku, null, name, price, currency, availability);
    }
}
