package dev.trawl.internal.extract;

import dev.trawl.extract.Offer;
import dev.trawl.extract.Product;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The schema.org product nodes of a page's structured data (JSON-LD blocks, or microdata items
 * read into the same shape), and the breadcrumb lists beside them. A product is an object typed
 * {@code Product} (or {@code ProductGroup}, {@code ProductModel}, {@code IndividualProduct},
 * {@code SomeProducts}; as a term, a compact or a full IRI; alone or in a type array) found
 * anywhere in a tree: at the top level, in an array, in {@code @graph}, or nested
 * ({@code mainEntity}, {@code itemListElement[].item}, an Offer's {@code itemOffered}). Products
 * nested inside a product (variants, related products) are not products of the page. Both come
 * in document order. One page, one thread.
 */
final class ProductNodes {
    private static final String[] PRODUCT_TYPES = {"Product", "ProductGroup", "ProductModel", "IndividualProduct", "SomeProducts"};

    /**
     * A product node where it was found.
     *
     * @param offer the Offer whose {@code itemOffered} it is, or null
     */
    record Found(JsonNode product, JsonNode offer, JsonLd block) {}

    /** A {@code BreadcrumbList} node where it was found. */
    record Trail(JsonNode list, JsonLd block) {}

    final List<Found> products = new ArrayList<>(1);
    final List<Trail> trails = new ArrayList<>(1);

    /** Adds the products and breadcrumb lists of one tree (a block). */
    void add(JsonNode root) {
        collect(root, null, new JsonLd(root), 0);
    }

    private void collect(JsonNode node, JsonNode enclosingOffer, JsonLd block, int depth) {
        if (depth > JsonLd.MAX_DEPTH) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                collect(item, enclosingOffer, block, depth + 1);
            }
        } else if (node.isObject()) {
            if (JsonLd.hasType(node, PRODUCT_TYPES)) {
                products.add(new Found(node, enclosingOffer, block));
                return;
            }
            if (JsonLd.hasType(node, "BreadcrumbList")) {
                trails.add(new Trail(node, block));
                return;
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getValue().isContainerNode()) {
                    collect(field.getValue(), field.getKey().equals("itemOffered") ? node : null, block, depth + 1);
                }
            }
        }
    }
}
