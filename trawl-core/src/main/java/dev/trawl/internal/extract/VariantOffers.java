package dev.trawl.internal.extract;

import dev.trawl.extract.Offer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A product's variants as {@link Offer}s, each with its own SKU, GTIN, name, price and
 * availability: each {@code hasVariant} product of a {@code ProductGroup} (its identifiers its
 * own, else its offer's); else, when a product has several offers that each carry a SKU or GTIN
 * of their own (Shopify writes one offer per variant; an aggregate offer's nested offers, or
 * those beside it, count as the product's), those offers. Offers that share an identifier, or
 * state none, are not variants but sellers or terms of one item, and are not listed.
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
            String gtin = Gtin.stated(variant);
            if (s.offer() != null) {
                sku = sku != null ? sku : JsonLd.text(s.offer().get("sku"));
                gtin = gtin != null ? gtin : Gtin.stated(s.offer());
            }
            String name = JsonLd.text(variant.get("name"));
            if (sku != null || gtin != null || name != null || !s.isEmpty()) {
                offers.add(new Offer(sku, gtin, name, s.price(), s.currency(), s.availability()));
            }
        }
        return offers;
    }

    private static List<Offer> offers(JsonNode productOffers, JsonLd block) {
        List<JsonNode> candidates = new ArrayList<>();
        List<String> currencies = new ArrayList<>();
        for (JsonNode o : JsonLdOffers.objects(productOffers, block)) {
            if (JsonLd.hasType(o, "AggregateOffer") && o.has("offers")) {
                // A nested offer without a currency is in the aggregate's.
                String currency = JsonLdOffers.offer(o, block, 0).currency();
                for (JsonNode nested : block.objects(o.get("offers"))) {
                    candidates.add(nested);
                    currencies.add(currency);
                }
            } else {
                candidates.add(o);
                currencies.add(null);
            }
        }
        if (candidates.size() < 2) {
            return List.of();
        }
        Set<String> identities = new HashSet<>();
        List<Offer> offers = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            JsonNode o = candidates.get(i);
            String sku = JsonLd.text(o.get("sku"));
            String gtin = Gtin.stated(o);
            String identity = sku != null ? "sku:" + sku : gtin != null ? "gtin:" + gtin : null;
            if (identity == null || !identities.add(identity)) {
                return List.of();
            }
            JsonLdOffers.Stated s = JsonLdOffers.offer(o, block, 0);
            String currency = s.currency() != null || s.price() == null ? s.currency() : currencies.get(i);
            offers.add(new Offer(sku, gtin, JsonLd.text(o.get("name")), s.price(), currency, s.availability()));
        }
        return offers;
    }
}
