package dev.trawl.internal.extract;

import dev.trawl.extract.Offer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A product's variants as {@link Offer}s: each {@code hasVariant} product of a
 * {@code ProductGroup}; else, when a product has several offers that each carry a SKU of their own
 * (Shopify writes one offer per variant), those offers. Offers that share a SKU are not variants
 * but sellers or terms of one item, and are not listed.
 */
final class VariantOffers {
    private VariantOffers() {}

    static List<Offer> of(JsonNode product, JsonLd block) {
        return product.has("hasVariant") ? variants(product.get("hasVariant"), block) : offers(product.get("offers"), block);
    }

    private static List<Offer> variants(JsonNode hasVariant, JsonLd block) {
        List<Offer> offers = new ArrayList<>();
        for (JsonNode variant : block.objects(hasVariant)) {
            JsonLdOffers.Stated s = JsonLdOffers.of(variant.get("offers"), block);
            String sku = JsonLd.text(variant.get("sku"));
            if (sku == null && s.offer() != null) {
                sku = JsonLd.text(s.offer().get("sku"));
            }
            String name = JsonLd.text(variant.get("name"));
            if (sku != null || name != null || !s.isEmpty()) {
                offers.add(new Offer(sku, name, s.price(), s.currency(), s.availability()));
            }
        }
        return offers;
    }

    private static List<Offer> offers(JsonNode productOffers, JsonLd block) {
        List<JsonNode> candidates = JsonLdOffers.flat(productOffers, block);
        if (candidates.size() < 2) {
            return List.of();
        }
        Set<String> skus = new HashSet<>();
        List<Offer> offers = new ArrayList<>(candidates.size());
        for (JsonNode o : candidates) {
            String sku = JsonLd.text(o.get("sku"));
            if (sku == null || !skus.add(sku)) {
                return List.of();
            }
            JsonLdOffers.Stated s = JsonLdOffers.offer(o, block, 0);
            offers.add(new Offer(sku, JsonLd.text(o.get("name")), s.price(), s.currency(), s.availability()));
        }
        return offers;
    }
}
