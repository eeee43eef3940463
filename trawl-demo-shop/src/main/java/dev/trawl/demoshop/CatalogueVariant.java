package dev.trawl.demoshop;

import java.math.BigDecimal;

/**
 * One variant of a product group (a size), as its page's JSON-LD {@code hasVariant} states it.
 *
 * @param sku          the group's SKU and the size, e.g. {@code S1-000000042-M}
 * @param name         the group's name, an en dash and the size, e.g. {@code Oak Lamp – M}
 * @param price        exact, two decimals
 * @param availability a schema.org term, e.g. {@code https://schema.org/InStock}
 */
public record CatalogueVariant(String sku, String name, BigDecimal price, String availability) {
    /** The size this variant is, e.g. {@code M}: the last part of its SKU. */
    public String size() {
        return sku.substring(sku.lastIndexOf('-') + 1);
    }
}
