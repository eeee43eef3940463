package dev.trawl.demoshop;

import java.util.ArrayList;
import java.util.List;

/**
 * The schema.org JSON-LD of a product page: a {@code Product} with one {@code Offer}, or for a
 * product with variants a {@code ProductGroup} whose {@code hasVariant} products carry the offers.
 * Prices are plain decimal strings ({@code "1299.99"}), as shops usually write them.
 */
final class ProductJsonLd {
    private static final String SCHEMA = "https://schema.org/";

    private ProductJsonLd() {}

    /** The whole {@code <script type="application/ld+json">} element. */
    static String script(CatalogueProduct p, String url, String seller) {
        return "<script type=\"application/ld+json\">\n" + product(p, url, seller) + "\n</script>\n";
    }

    static JsonObject product(CatalogueProduct p, String url, String seller) {
        JsonObject o = new JsonObject().string("@context", SCHEMA).string("@type", p.isGroup() ? "ProductGroup" : "Product")
                .string("name", p.name()).string("sku", p.sku());
        if (p.isGroup()) {
            o.string("productGroupID", p.sku());
        }
        o.string("gtin13", p.gtin13())
                .object("brand", new JsonObject().string("@type", "Brand").string("name", p.brand()))
                .array("image", List.of(JsonObject.quote(p.image())))
                .string("description", "A " + p.name() + " from the " + p.category() + " range.")
                .string("category", p.categoryLabel())
                .string("url", url);
        if (p.rating() != null) {
            o.object("aggregateRating", new JsonObject().string("@type", "AggregateRating").number("ratingValue", p.rating())
                    .number("reviewCount", p.reviewCount()));
        }
        if (p.isGroup()) {
            return o.array("variesBy", List.of(JsonObject.quote(SCHEMA + "size"))).array("hasVariant", variants(p));
        }
        return o.object("offers", offer(p, url, seller));
    }

    private static JsonObject offer(CatalogueProduct p, String url, String seller) {
        JsonObject offer = new JsonObject().string("@type", "Offer").string("url", url).string("price", p.price().toPlainString())
                .string("priceCurrency", p.currency());
        if (p.listPrice() != null) {
            offer.object("priceSpecification", new JsonObject().string("@type", "UnitPriceSpecification")
                    .string("priceType", SCHEMA + "ListPrice").string("price", p.listPrice().toPlainString())
                    .string("priceCurrency", p.currency()));
        }
        return offer.string("availability", p.availability()).string("itemCondition", SCHEMA + "NewCondition")
                .object("seller", new JsonObject().string("@type", "Organization").string("name", seller));
    }

    private static List<String> variants(CatalogueProduct p) {
        List<String> variants = new ArrayList<>(p.variants().size());
        for (CatalogueVariant v : p.variants()) {
            variants.add(new JsonObject().string("@type", "Product").string("sku", v.sku()).string("name", v.name())
                    .string("size", v.size())
                    .object("offers", new JsonObject().string("@type", "Offer").string("price", v.price().toPlainString())
                            .string("priceCurrency", p.currency()).string("availability", v.availability()))
                    .toString());
        }
        return variants;
    }
}
