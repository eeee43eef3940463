package dev.trawl.internal.extract;

import dev.trawl.extract.Product;

import java.math.BigDecimal;
import java.net.URI;

/** Short-hand for JSON-LD records in tests. */
final class TestProducts {
    private TestProducts() {}

    /** A record with only these fields, as the JSON-LD extractor gives for a page that states nothing else, and no page URL. */
    static Product jsonLd(String name, String sku, BigDecimal price, String currency) {
        return Product.builder().name(name).sku(sku).price(price).currency(currency).source("json-ld").build();
    }

    /** The same, read from the page at {@code url}. */
    static Product jsonLd(URI url, String name, String sku, BigDecimal price, String currency) {
        return jsonLd(name, sku, price, currency).toBuilder().url(url).build();
    }
}
