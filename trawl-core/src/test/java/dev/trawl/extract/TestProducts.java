package dev.trawl.extract;

import java.math.BigDecimal;

/** Short-hand for the JSON-LD extractor's minimal record in tests. */
final class TestProducts {
    private TestProducts() {}

    static Product jsonLd(String name, String sku, BigDecimal price, String currency) {
        return Product.builder().name(name).sku(sku).price(price).currency(currency).source("json-ld").build();
    }
}
