package dev.trawl.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * The price and currency a product's {@code offers} state. Offers may be one object or an array
 * (the first offer with a price wins); an {@code Offer} gives {@code price}, else its
 * {@code priceSpecification}'s; an {@code AggregateOffer} gives {@code lowPrice}, else
 * {@code price}, else its own nested offers'. The currency comes from where the price came from,
 * else from the offer. A price specification typed as a list or strikethrough price (the "was"
 * price) is used only when there is no other.
 */
final class JsonLdOffers {
    /** What an offer states; either may be null. */
    record Stated(BigDecimal price, String currency) {
        static final Stated NOTHING = new Stated(null, null);
    }

    private static final String[] WAS_PRICE_TYPES = {"ListPrice", "StrikethroughPrice", "SRP", "MSRP"};

    private JsonLdOffers() {}

    /**
     * The first priced offer's price and currency; when no offer has a price, the first offer's
     * currency alone; {@link Stated#NOTHING} when there is no offer.
     */
    static Stated of(JsonNode offers, JsonLd block) {
        return of(offers, block, 0);
    }

    private static Stated of(JsonNode offers, JsonLd block, int depth) {
        if (offers == null || depth > 3) {
            return Stated.NOTHING;
        }
        if (!offers.isArray()) {
            return offer(block.resolve(offers), block, depth);
        }
        Stated first = null;
        for (JsonNode o : offers) {
            Stated s = offer(block.resolve(o), block, depth);
            if (s.price() != null) {
                return s;
            }
            if (first == null && s.currency() != null) {
                first = s;
            }
        }
        return first != null ? first : Stated.NOTHING;
    }

    /** What one offer object states. */
    static Stated offer(JsonNode offer, JsonLd block, int depth) {
        if (offer == null || !offer.isObject()) {
            return Stated.NOTHING;
        }
        String currency = Prices.currency(JsonLd.text(offer.get("priceCurrency")));
        boolean aggregate = JsonLd.hasType(offer, "AggregateOffer");
        BigDecimal price = aggregate ? price(offer, "lowPrice", "price") : price(offer, "price", "lowPrice");
        if (price != null) {
            return new Stated(price, currency != null ? currency : specification(offer.get("priceSpecification"), block).currency());
        }
        Stated spec = specification(offer.get("priceSpecification"), block);
        if (spec.price() != null) {
            return new Stated(spec.price(), spec.currency() != null ? spec.currency() : currency);
        }
        if (aggregate && offer.has("offers")) {
            Stated nested = of(offer.get("offers"), block, depth + 1);
            if (nested.price() != null) {
                return new Stated(nested.price(), nested.currency() != null ? nested.currency() : currency);
            }
        }
        return new Stated(null, currency);
    }

    /** A priceSpecification (one or an array): the first selling price, else the first "was" price. */
    private static Stated specification(JsonNode specs, JsonLd block) {
        if (specs == null) {
            return Stated.NOTHING;
        }
        Stated was = null;
        for (JsonNode raw : specs.isArray() ? specs : List.of(specs)) {
            JsonNode spec = block.resolve(raw);
            if (spec == null || !spec.isObject()) {
                continue;
            }
            Stated s = new Stated(price(spec, "price", "minPrice"), Prices.currency(JsonLd.text(spec.get("priceCurrency"))));
            if (s.price() == null) {
                continue;
            }
            if (!isWasPrice(spec)) {
                return s;
            }
            if (was == null) {
                was = s;
            }
        }
        return was != null ? was : Stated.NOTHING;
    }

    private static boolean isWasPrice(JsonNode spec) {
        JsonNode type = JsonLd.scalar(spec.get("priceType"));
        if (type == null || !type.isTextual()) {
            return false;
        }
        String t = type.textValue().strip();
        for (String was : WAS_PRICE_TYPES) {
            if (t.regionMatches(true, t.length() - was.length(), was, 0, was.length())) {
                return true;
            }
        }
        return false;
    }

    /** The first of these fields that holds a usable price. */
    private static BigDecimal price(JsonNode node, String field, String fallback) {
        BigDecimal p = price(node.get(field));
        return p != null ? p : price(node.get(fallback));
    }

    /** A price from a JSON string or number, exactly; null when absent, unreadable or negative. */
    static BigDecimal price(JsonNode value) {
        JsonNode v = JsonLd.scalar(value);
        if (v == null) {
            return null;
        }
        return v.isNumber() ? Prices.check(v.decimalValue()) : Prices.parse(v.textValue());
    }
}
