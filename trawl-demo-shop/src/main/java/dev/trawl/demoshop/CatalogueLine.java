package dev.trawl.demoshop;

import java.util.ArrayList;
import java.util.List;

/**
 * A line of {@code /_shop/catalogue.jsonl}: the record a perfect extractor reads from a product's
 * page, so only the fields the shop's {@link Markup} states (a selector recipe reads the visible
 * ones of a {@link Markup#PLAIN} page). Prices are JSON numbers written exactly ({@code 49.00}),
 * availability and condition schema.org short terms ({@code InStock}), absent values left out.
 * A {@link Markup#JS} page's line is a {@link Markup#JSON_LD} page's: what trawl reads from the page once rendered.
 */
final class CatalogueLine {
    private CatalogueLine() {}

    /** The line, without its newline; {@code base} is the shop's URL without its final slash. */
    static String of(CatalogueProduct p, String base, Markup markup, String seller) {
        boolean jsonLd = markup == Markup.JSON_LD || markup == Markup.JS;
        boolean microdata = markup == Markup.MICRODATA;
        // a product group's offers are its variants': no single condition or seller
        boolean oneOffer = jsonLd && !p.isGroup();
        String url = base + p.path();
        // og:url states it on JSON-LD and microdata pages
        JsonObject line = new JsonObject().string("url", url).string("canonical_url", markup != Markup.PLAIN ? url : null)
                .string("name", p.name()).string("brand", p.brand()).string("sku", p.sku())
                .string("gtin", markup == Markup.PLAIN ? null : p.gtin13())
                .number("price", p.price()).string("currency", p.currency())
                .number("list_price", microdata ? null : p.listPrice())
                .string("availability", p.availabilityTerm())
                .string("condition", oneOffer ? "NewCondition" : null)
                .array("images", List.of(JsonObject.quote(p.image())))
                .array("category", microdata ? null : List.of(JsonObject.quote(p.categoryLabel())))
                .number("rating", p.rating()).number("review_count", p.reviewCount())
                .string("seller", oneOffer ? seller : null);
        return line.array("offers", offers(p)).toString();
    }

    private static List<String> offers(CatalogueProduct p) {
        List<String> offers = new ArrayList<>(p.variants().size());
        for (CatalogueVariant v : p.variants()) {
            offers.add(new JsonObject().string("sku", v.sku()).string("name", v.name()).number("price", v.price())
                    .string("currency", p.currency()).string("availability", Catalogue.term(v.availability())).toString());
        }
        return offers;
    }
}
