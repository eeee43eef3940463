package dev.trawl.demoshop;

/**
 * How a shop's product pages state their product for machines. Every markup shows the same
 * visible product box; they differ in the structured data behind it.
 */
public enum Markup {
    /** A schema.org {@code Product} (or {@code ProductGroup}) JSON-LD block, og: and product:price meta tags. */
    JSON_LD,
    /** schema.org microdata on the visible product box; no JSON-LD, no product:price meta. */
    MICRODATA,
    /** No structured data at all: the product is read only through CSS selectors. */
    PLAIN
}
