package dev.trawl.extract;

/** The extractors trawl ships. */
public final class Extractors {
    private static final Extractor JSON_LD = new JsonLdProductExtractor();

    private Extractors() {}

    /** Products from the page's schema.org JSON-LD, found in the raw text without building a DOM. */
    public static Extractor jsonLdProducts() {
        return JSON_LD;
    }
}
