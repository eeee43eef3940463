package dev.trawl.extract;

/** The extractors trawl ships. Each is stateless and thread-safe: one instance serves every request thread. */
public final class Extractors {
    private static final Extractor JSON_LD = new JsonLdProductExtractor();

    private Extractors() {}

    /**
     * Products from the page's schema.org JSON-LD ({@code <script type="application/ld+json">}),
     * found in the raw text without building a DOM: name, sku, price (exact) and currency of each
     * {@code Product} on the page, in document order. Always the same instance.
     */
    public static Extractor jsonLdProducts() {
        return JSON_LD;
    }
}
