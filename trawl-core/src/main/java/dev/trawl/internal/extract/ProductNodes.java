package dev.trawl.internal.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schema.org product nodes of a page's structured data (JSON-LD blocks, or microdata items
 * read into the same shape), and the breadcrumb lists beside them. A product is an object typed
 * {@code Product} (or {@code ProductGroup}, {@code ProductModel}, {@code IndividualProduct},
 * {@code SomeProducts}; as a term, a compact or a full IRI; alone or in a type array) found
 * anywhere in a tree: at the top level, in an array, in {@code @graph}, or nested
 * ({@code mainEntity}, {@code itemListElement[].item}, an Offer's {@code itemOffered}). Products
 * nested inside a product (variants, related products) are not products of the page, nor are
 * the variants a product group refers to by {@code @id} in its block ({@link #isVariant}). Both come
 * in document order. A product that is an entry of an {@code ItemList} (or {@code OfferCatalog}),
 * nested in its {@code itemListElement} or referenced from there by {@code @id}, is
 * {@linkplain #listed listed}: on a listing page it may be a link to the product's own page
 * rather than a product of this one. One page, one thread.
 */
final class ProductNodes {
    private static final String[] PRODUCT_TYPES = {"Product", "ProductGroup", "ProductModel", "IndividualProduct", "SomeProducts"};
    private static final String[] LIST_TYPES = {"ItemList", "OfferCatalog"};

    /**
     * A product node where it was found.
     *
     * @param offer  the Offer whose {@code itemOffered} it is, or null
     * @param inList whether it was found inside a list's {@code itemListElement}
     */
    record Found(JsonNode product, JsonNode offer, JsonLd block, boolean inList) {}

    /** A {@code BreadcrumbList} node where it was found. */
    record Trail(JsonNode list, JsonLd block) {}

    final List<Found> products = new ArrayList<>(1);
    final List<Trail> trails = new ArrayList<>(1);
    /** The {@code @id}s that list entries refer to ({@code "item": {"@id": ...}}). */
    private final Set<String> listedIds = new HashSet<>();
    private Set<JsonNode> variants;

    /** Adds the products and breadcrumb lists of one tree (a block). */
    void add(JsonNode root) {
        collect(root, null, new JsonLd(root), false, 0);
    }

    /** Whether a product is a {@code hasVariant} of another product, referred to by {@code @id} within their block: one of its offers. */
    boolean isVariant(Found found) {
        if (variants == null) {
            variants = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Found group : products) {
                for (JsonNode variant : group.block().objects(group.product().get("hasVariant"))) {
                    if (variant != group.product()) {
                        variants.add(variant);
                    }
                }
            }
        }
        return variants.contains(found.product());
    }

    /** Whether a product is an entry of a list: found in one, or referred to by one of any block. */
    boolean listed(Found found) {
        return found.inList() || listedIds.contains(JsonLd.text(found.product().get("@id")));
    }

    private void collect(JsonNode node, JsonNode enclosingOffer, JsonLd block, boolean inList, int depth) {
        if (depth > JsonLd.MAX_DEPTH) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                collect(item, enclosingOffer, block, inList, depth + 1);
            }
        } else if (node.isObject()) {
            if (JsonLd.hasType(node, PRODUCT_TYPES)) {
                products.add(new Found(node, enclosingOffer, block, inList));
                return;
            }
            if (inList && node.size() == 1 && node.path("@id").isTextual()) {
                listedIds.add(node.get("@id").textValue().strip());
                return;
            }
            if (JsonLd.hasType(node, "BreadcrumbList")) {
                trails.add(new Trail(node, block));
                return;
            }
            boolean list = JsonLd.hasType(node, LIST_TYPES);
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getValue().isContainerNode()) {
                    String key = field.getKey();
                    collect(field.getValue(), key.equals("itemOffered") ? node : null, block,
                            inList || list && key.equals("itemListElement"), depth + 1);
                }
            }
        }
    }
}
