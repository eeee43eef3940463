package dev.trawl.demoshop;

import java.math.BigDecimal;
import java.util.List;

/**
 * One product of a demo shop's catalogue: what its page shows, and so what an extractor should
 * read from it (each {@link Markup} shows a part of it: {@code /_shop/catalogue.jsonl} says which).
 *
 * @param gtin13       thirteen digits with a valid check digit
 * @param price        exact, two decimals: what a shopper first sees (a product group's first variant's price)
 * @param listPrice    the "was" price above {@code price} when the product is on sale, else null
 * @param currency     ISO 4217
 * @param availability a schema.org term, e.g. {@code https://schema.org/InStock}
 * @param category     lower case, e.g. {@code kitchen} (pages show it capitalised)
 * @param image        the gallery image's absolute URL
 * @param rating       the average rating, one decimal from 1.0 to 5.0, or null when unrated
 * @param reviewCount  how many reviews the rating averages, null when unrated
 * @param variants     the sizes of a product group, else empty
 * @param path         the page's path, e.g. {@code /p/42}
 * @param pageBytes    the exact length of the product page as served uncompressed (21,000 to 58,999 bytes)
 */
public record CatalogueProduct(long id, String name, String brand, String sku, String gtin13, BigDecimal price,
                               BigDecimal listPrice, String currency, String availability, String category, String image,
                               BigDecimal rating, Integer reviewCount, List<CatalogueVariant> variants, String path,
                               int pageBytes) {
    public CatalogueProduct {
        variants = List.copyOf(variants);
    }

    /** Whether the page states a product group of {@link #variants()} rather than one product. */
    public boolean isGroup() {
        return !variants.isEmpty();
    }

    /** The availability's schema.org term without its prefix, e.g. {@code InStock}. */
    public String availabilityTerm() {
        return Catalogue.term(availability);
    }

    /** The category as pages show it, e.g. {@code Kitchen}. */
    public String categoryLabel() {
        return Pages.capital(category);
    }
}
