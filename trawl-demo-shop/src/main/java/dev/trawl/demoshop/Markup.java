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
    PLAIN,
    /**
     * Product pages built in the browser: the HTML is an app shell (an empty {@code <div id="app">}
     * and a script) with no product in it; after {@link DemoShop.Builder#renderDelay the render delay}
     * the script fetches {@code /api/products/{id}.json} and builds the visible product box and
     * the same Product JSON-LD a {@link #JSON_LD} page has. Everything else (listings, sitemaps,
     * the catalogue and its lines) is as in a {@link #JSON_LD} shop. CLI spelling {@code js}.
     */
    JS
}
