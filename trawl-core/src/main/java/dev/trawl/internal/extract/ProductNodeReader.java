package dev.trawl.internal.extract;

import dev.trawl.extract.Condition;
import dev.trawl.extract.Product;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The product records of a page's schema.org product nodes: every field of {@link Product} the
 * nodes state, nothing invented. Where a field comes from:
 * <ul>
 * <li>canonical URL: the product's {@code url}, else its {@code @id} when that is an absolute
 *     http(s) URL (without the {@code #fragment} that names the node); made absolute.
 * <li>sku: {@code sku}; a {@code ProductGroup} without one, its {@code productGroupID}. sku, gtin
 *     and mpn fall back to the product's offer when it has exactly one (themes put them there).
 * <li>gtin: {@code gtin}, {@code gtin13}, {@code gtin12}, {@code gtin14}, {@code gtin8}, text or number, see {@link Gtin}.
 * <li>price, currency, list price, availability, condition, seller: the offers, see {@link JsonLdOffers};
 *     a product without its own offer takes the offer it is the {@code itemOffered} of, else
 *     (a group) its first priced variant's. Condition falls back to the product's {@code itemCondition}.
 * <li>images: {@code image} as text, array or {@code ImageObject} ({@code url}, {@code contentUrl}), made absolute.
 * <li>category: the product's {@code category} text split into levels; else, on a page with one
 *     product, its breadcrumb trail (see {@link Breadcrumbs}), the one in the product's own block first.
 * <li>rating and review count: {@code aggregateRating}; offers: {@link VariantOffers}.
 * </ul>
 * A {@linkplain ProductNodes#listed listed} product whose URL is another page of this site (a
 * listing's entry linking to the product's own page) is a link to that page, not a product of
 * this one, and is not read: its page gives the record, with all its fields. Listed products that
 * have no page of their own (no URL, this page's, or one on another site) are read.
 */
final class ProductNodeReader {
    private ProductNodeReader() {}

    /** Every product of the nodes, in document order, with its node's id. */
    static List<ProductReading> read(ProductNodes nodes, URI page, String source) {
        List<ProductNodes.Found> found = new ArrayList<>(nodes.products.size());
        for (ProductNodes.Found f : nodes.products) {
            if (!nodes.isVariant(f) && !(nodes.listed(f) && linksToAnotherPage(f.product(), page))) {
                found.add(f);
            }
        }
        List<ProductReading> products = new ArrayList<>(found.size());
        // A listing's breadcrumbs are the listing's category, not necessarily each product's.
        List<ProductNodes.Trail> trails = found.size() == 1 ? nodes.trails : List.of();
        for (ProductNodes.Found f : found) {
            products.add(new ProductReading(product(f, trails, page, source), nodeId(f.product(), page)));
        }
        return products;
    }

    /** Whether the product's URL is a page of this site other than this one. */
    private static boolean linksToAnotherPage(JsonNode p, URI page) {
        String url = canonicalUrl(p, page);
        return url != null && page != null && !WebUrls.samePage(url, page.toString()) && WebUrls.sameSite(page, url);
    }

    private static String nodeId(JsonNode p, URI page) {
        String id = JsonLd.text(p.get("@id"));
        if (id == null) {
            return null;
        }
        String absolute = WebUrls.absolute(page, id);
        return absolute != null ? absolute : id;
    }

    private static Product product(ProductNodes.Found found, List<ProductNodes.Trail> trails, URI page, String source) {
        JsonNode p = found.product();
        JsonLd block = found.block();
        JsonLdOffers.Stated stated = stated(p, found.offer(), block);
        JsonNode soleOffer = soleOffer(p, found.offer(), block);
        String name = JsonLd.text(p.get("name"));
        String canonical = canonicalUrl(p, page);
        String sku = JsonLd.text(p.get("sku"));
        if (sku == null && JsonLd.hasType(p, "ProductGroup")) {
            sku = JsonLd.text(p.get("productGroupID"));
        }
        String gtin = Gtin.stated(p);
        String mpn = JsonLd.text(p.get("mpn"));
        if (soleOffer != null) {
            sku = sku != null ? sku : JsonLd.text(soleOffer.get("sku"));
            gtin = gtin != null ? gtin : Gtin.stated(soleOffer);
            mpn = mpn != null ? mpn : JsonLd.text(soleOffer.get("mpn"));
        }
        List<String> category = CategoryPath.split(block.name(p.get("category")));
        if (category.isEmpty()) {
            category = breadcrumbs(trails, block, name, canonical, page);
        }
        List<JsonNode> ratings = block.objects(p.get("aggregateRating"));
        JsonNode rating = ratings.isEmpty() ? null : ratings.getFirst();
        Condition condition = stated.condition() != null ? stated.condition() : Condition.parse(JsonLd.text(p.get("itemCondition")));
        return Product.builder().url(page).canonicalUrl(canonical).name(name).brand(block.name(p.get("brand"))).sku(sku)
                .gtin(gtin).mpn(mpn).price(stated.price()).currency(stated.currency()).listPrice(stated.listPrice())
                .availability(stated.availability()).condition(condition).images(images(p.get("image"), block, page))
                .category(category).rating(Ratings.value(rating)).reviewCount(Ratings.count(rating)).seller(stated.seller())
                .offers(VariantOffers.of(p, block)).source(source).build();
    }

    /**
     * What the product's offers state; failing a price, what the offer it is the
     * {@code itemOffered} of states; failing that, for a product group, its first variant
     * ({@code hasVariant}) with a price, the one a shopper first sees.
     */
    private static JsonLdOffers.Stated stated(JsonNode p, JsonNode enclosingOffer, JsonLd block) {
        JsonLdOffers.Stated stated = JsonLdOffers.of(p.get("offers"), block);
        if (stated.price() == null && enclosingOffer != null) {
            stated = better(stated, JsonLdOffers.offer(enclosingOffer, block, 0));
        }
        if (stated.price() == null && p.has("hasVariant")) {
            for (JsonNode variant : block.objects(p.get("hasVariant"))) {
                stated = better(stated, JsonLdOffers.of(variant.get("offers"), block));
                if (stated.price() != null) {
                    break;
                }
            }
        }
        return stated;
    }

    /** The priced one of two statements, else whichever has a currency, else whichever states anything. */
    private static JsonLdOffers.Stated better(JsonLdOffers.Stated current, JsonLdOffers.Stated other) {
        if (other.price() != null || current.currency() == null && other.currency() != null || current.isEmpty()) {
            return other;
        }
        return current;
    }

    /** The product's one offer (its own, or the one it is offered by), or null when it has none or several. */
    private static JsonNode soleOffer(JsonNode p, JsonNode enclosingOffer, JsonLd block) {
        if (!p.has("offers")) {
            return enclosingOffer;
        }
        List<JsonNode> offers = JsonLdOffers.flat(p.get("offers"), block);
        return offers.size() == 1 ? offers.getFirst() : null;
    }

    private static String canonicalUrl(JsonNode p, URI page) {
        String url = WebUrls.absolute(page, JsonLd.text(p.get("url")));
        if (url != null) {
            return url;
        }
        String id = JsonLd.text(p.get("@id"));
        return id != null && WebUrls.isHttp(id) ? WebUrls.withoutFragment(id) : null;
    }

    /** Image URLs, made absolute, each once, in order. */
    private static List<String> images(JsonNode image, JsonLd block, URI page) {
        if (image == null) {
            return List.of();
        }
        List<String> images = new ArrayList<>(2);
        for (JsonNode item : image.isArray() ? image : List.of(image)) {
            JsonNode resolved = block.resolve(item);
            String ref = resolved.isObject() && !resolved.has("@value")
                    ? JsonLd.text(resolved.has("url") ? resolved.get("url") : resolved.get("contentUrl"))
                    : JsonLd.text(resolved);
            WebUrls.addAbsolute(images, page, ref);
        }
        return images;
    }

    /** The longest path of the trails in the product's own block, else of all the page's trails. */
    private static List<String> breadcrumbs(List<ProductNodes.Trail> trails, JsonLd block, String name, String canonical, URI page) {
        List<String> best = List.of();
        boolean bestInBlock = false;
        for (ProductNodes.Trail t : trails) {
            List<String> path = Breadcrumbs.path(t.list(), t.block(), name, canonical, page);
            boolean inBlock = t.block() == block;
            if (!path.isEmpty() && (inBlock && !bestInBlock || inBlock == bestInBlock && path.size() > best.size())) {
                best = path;
                bestInBlock = inBlock;
            }
        }
        return best;
    }
}
