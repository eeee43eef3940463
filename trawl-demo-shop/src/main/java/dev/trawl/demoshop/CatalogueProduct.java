package dev.trawl.demoshop;

import java.math.BigDecimal;

/**
 * One product of a demo shop's catalogue: what its page shows, and so what an extractor should
 * read from it.
 *
 * @param price        exact, two decimals
 * @param currency     ISO 4217
 * @param availability a schema.org term, e.g. {@code https://schema.org/InStock}
 * @param path         the page's path, e.g. {@code /p/42}
 * @param pageBytes    the exact length of the product page as served uncompressed (21,000 to 58,999 bytes)
 */
public record CatalogueProduct(long id, String name, String brand, String sku, BigDecimal price, String currency,
                               String availability, String category, String path, int pageBytes) {}
