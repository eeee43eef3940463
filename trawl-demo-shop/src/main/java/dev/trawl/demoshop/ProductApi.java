package dev.trawl.demoshop;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code /api/products/{id}.json}: the data a {@link Markup#JS} page's script renders. The object
 * starts with exactly the fields of the product's catalogue line ({@link CatalogueLine}), in its
 * order and written the same way, then adds what the page needs to show them: {@code id},
 * {@code view} (texts as the shop's {@link PriceFormat} shows them: price, list price, stock,
 * rating, sizes, the category's label and link, a description) and {@code json_ld}, the text of
 * the Product JSON-LD block as {@link ProductJsonLd} writes it (a string, so that the browser
 * attaches it byte for byte: a number such as {@code 4.0} would lose its zero going through
 * {@code JSON.parse}).
 */
final class ProductApi {
    static final String PREFIX = "/api/products/";
    static final String SUFFIX = ".json";

    private ProductApi() {}

    static String path(long id) {
        return PREFIX + id + SUFFIX;
    }

    /** The JSON text; {@code base} is the shop's URL without its final slash. */
    static String json(CatalogueProduct p, String base, String seller, PriceFormat prices) {
        String line = CatalogueLine.of(p, base, Markup.JSON_LD, seller);
        JsonObject view = new JsonObject().string("price", prices.format(p.price(), p.currency()))
                .string("list_price", p.listPrice() == null ? null : prices.format(p.listPrice(), p.currency()))
                .string("stock", ProductBox.stockText(p.availabilityTerm()))
                .string("rating", p.rating() == null ? null : p.rating().toPlainString())
                .string("review_count", p.reviewCount() == null ? null : p.reviewCount().toString())
                .array("sizes", sizes(p, prices))
                .string("category", p.category()).string("category_label", p.categoryLabel())
                .string("category_href", "/c/" + p.category() + "?page=1")
                .string("description", "A " + p.name() + " from the " + p.category() + " range.");
        return line.substring(0, line.length() - 1) + ",\"id\":" + p.id() + ",\"view\":" + view
                + ",\"json_ld\":" + JsonObject.quote(ProductJsonLd.product(p, base + p.path(), seller).toString()) + "}";
    }

    private static List<String> sizes(CatalogueProduct p, PriceFormat prices) {
        List<String> sizes = new ArrayList<>(p.variants().size());
        for (CatalogueVariant v : p.variants()) {
            sizes.add(new JsonObject().string("sku", v.sku()).string("size", v.size())
                    .string("label", v.size() + " \u2013 " + prices.format(v.price(), p.currency())).toString());
        }
        return sizes;
    }
}
