package dev.trawl.extract;

import java.math.BigDecimal;

/**
 * A product as read from a page. A field the page does not have is null: absent, never invented.
 *
 * @param price    an exact decimal, never negative
 * @param currency an ISO 4217 code: three upper-case letters
 */
public record Product(String name, String sku, BigDecimal price, String currency) {}
