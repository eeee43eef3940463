package dev.trawl.demoshop;

import java.util.ArrayList;
import java.util.List;

/**
 * The schema.org {@code ItemList} JSON-LD of a listing page: a {@code ListItem} per listed
 * product, each a short {@code Product} (name, SKU, URL and its offer's price).
 */
final class ItemListJsonLd {
    private final List<String> items = new ArrayList<>(ListingPage.PER_PAGE);

    /** Adds the product listed at {@code position} (1-based across the category's pages). */
    void add(long position, CatalogueProduct p, String base) {
        JsonObject product = new JsonObject().string("@type", "Product").string("name", p.name()).string("sku", p.sku())
                .string("url", base + p.path()).object("offers", new JsonObject().string("@type", "Offer")
                        .string("price", p.price().toPlainString()).string("priceCurrency", p.currency()));
        items.add(new JsonObject().string("@type", "ListItem").number("position", position).object("item", product).toString());
    }

    /** The whole {@code <script type="application/ld+json">} element. */
    String script() {
        return "<script type=\"application/ld+json\">\n" + new JsonObject().string("@context", "https://schema.org/")
                .string("@type", "ItemList").number("numberOfItems", items.size()).array("itemListElement", items) + "\n</script>\n";
    }
}
