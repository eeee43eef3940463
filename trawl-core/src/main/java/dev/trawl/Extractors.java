package dev.trawl;

import dev.trawl.extract.Extractor;
import dev.trawl.extract.Product;

import dev.trawl.internal.extract.JsonLdProductExtractor;
import dev.trawl.internal.extract.MicrodataProductExtractor;
import dev.trawl.internal.extract.OpenGraphProductExtractor;
import dev.trawl.internal.extract.ProductPipeline;

/** The extractors trawl ships. Each is stateless and thread-safe: one instance serves every request thread. */
public final class Extractors {
    private static final JsonLdProductExtractor JSON_LD = new JsonLdProductExtractor();
    private static final MicrodataProductExtractor MICRODATA = new MicrodataProductExtractor();
    private static final OpenGraphProductExtractor OPEN_GRAPH = new OpenGraphProductExtractor();
    private static final ProductPipeline PRODUCTS = new ProductPipeline(JSON_LD, MICRODATA, OPEN_GRAPH);

    private Extractors() {}

    /**
     * Products from every kind of structured data a page has, with no site-specific code: JSON-LD
     * first, else microdata, else OpenGraph product meta tags; a single product's missing fields
     * filled from a less trusted source that describes the same one. Every field of the product
     * record that the page states; none invented. Always the same instance.
     */
    public static Extractor products() {
        return PRODUCTS;
    }

    /**
     * Products from the page's schema.org JSON-LD ({@code <script type="application/ld+json">}),
     * found in the raw text without building a DOM: every field of the product record that the
     * JSON-LD states, for each {@code Product} on the page, in document order. Always the same instance.
     */
    public static Extractor jsonLdProducts() {
        return JSON_LD;
    }

    /** Products from the page's schema.org microdata, source {@code microdata}. Always the same instance. */
    public static Extractor microdataProducts() {
        return MICRODATA;
    }

    /** The product of the page's OpenGraph product meta tags, source {@code opengraph}. Always the same instance. */
    public static Extractor openGraphProducts() {
        return OPEN_GRAPH;
    }
}
