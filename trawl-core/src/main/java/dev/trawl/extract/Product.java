package dev.trawl.extract;

import java.math.BigDecimal;

/**
 * A product as read from a page. A field the page does not have is null: absent, never invented.
 *
 * @param name     the product's name, HTML references decoded, or null
 * @param sku      the seller's stock-keeping unit as text (a number on the page becomes its digits), or null
 * @param price    the exact decimal the page states (never a double's approximation), never negative, or null
 * @param currency an ISO 4217 code of three upper-case letters A-Z, or null
 */
public record Product(String name, String sku, BigDecimal price, String currency) {

    /** @throws IllegalArgumentException if the price is negative or the currency is not three letters A-Z */
    public Product {
        if (price != null && price.signum() < 0) {
            throw new IllegalArgumentException("price must not be negative: " + price.toPlainString());
        }
        if (currency != null && !Prices.isCurrencyCode(currency)) {
            throw new IllegalArgumentException("currency must be three upper-case letters A-Z: \"" + currency + "\"");
        }
    }
}
