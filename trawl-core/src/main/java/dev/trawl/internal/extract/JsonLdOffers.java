package dev.trawl.internal.extract;

import dev.trawl.internal.text.Prices;

import dev.trawl.extract.Availability;
import dev.trawl.extract.Condition;
import dev.trawl.extract.Offer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What a product's {@code offers} state: price, currency, "was" price, availability, condition and
 * seller. Offers may be one object or an array (the first offer with a price wins); an
 * {@code Offer} gives {@code price}, else its {@code priceSpecification}'s selling price; an
 * {@code AggregateOffer} gives {@code lowPrice}, else {@code price}, else its own nested offers';
 * when it states no availability, its nested offers do (the first at its price, else the first
 * that states one). An {@code AggregateOffer} without offers of its own, beside Offers (microdata
 * themes write the summary and each variant's offer side by side), summarises them: it is read as
 * if they were nested in it. The currency comes from where the price came from, else from the
 * offer. A price specification
 * typed as a list or strikethrough price (the "was" price) is the list price when a lower selling
 * price is stated beside it, and the price only when no other is stated.
 */
final class JsonLdOffers {
    /**
     * What an offer states; any field may be null.
     *
     * @param offer the offer object the statement was read from, for identifiers it may carry
     */
    record Stated(BigDecimal price, String currency, BigDecimal listPrice, Availability availability, Condition condition,
                  String seller, JsonNode offer) {
        static final Stated NOTHING = new Stated(null, null, null, null, null, null, null);

        boolean isEmpty() {
            return price == null && currency == null && availability == null && condition == null && seller == null;
        }

        /** This statement with the fields it lacks taken from an enclosing one (an aggregate offer's own). */
        Stated orElse(Stated outer) {
            return new Stated(price, currency != null ? currency : outer.currency, listPrice,
                    availability != null ? availability : outer.availability, condition != null ? condition : outer.condition,
                    seller != null ? seller : outer.seller, offer);
        }
    }

    /** The selling and "was" prices of a {@code priceSpecification}; any may be null. */
    private record Specified(BigDecimal price, String currency, BigDecimal was, String wasCurrency) {}

    private static final String[] WAS_PRICE_TYPES = {"ListPrice", "StrikethroughPrice", "SRP", "MSRP"};
    private static final int MAX_NESTING = 3;

    private JsonLdOffers() {}

    /**
     * The first priced offer's statement; when no offer has a price, the first that states a
     * currency, else the first that states anything; {@link Stated#NOTHING} when there is none.
     */
    static Stated of(JsonNode offers, JsonLd block) {
        return of(offers, block, 0);
    }

    private static Stated of(JsonNode offers, JsonLd block, int depth) {
        if (offers == null || depth > MAX_NESTING) {
            return Stated.NOTHING;
        }
        Stated withCurrency = null;
        Stated any = null;
        for (JsonNode o : objects(offers, block)) {
            Stated s = offer(o, block, depth);
            if (s.price() != null) {
                return s;
            }
            if (withCurrency == null && s.currency() != null) {
                withCurrency = s;
            }
            if (any == null && !s.isEmpty()) {
                any = s;
            }
        }
        return withCurrency != null ? withCurrency : any != null ? any : Stated.NOTHING;
    }

    /** What one offer object states. */
    static Stated offer(JsonNode offer, JsonLd block, int depth) {
        if (offer == null || !offer.isObject()) {
            return Stated.NOTHING;
        }
        String currency = Prices.currency(JsonLd.text(offer.get("priceCurrency")));
        Availability availability = Availability.parse(JsonLd.text(offer.get("availability")));
        Condition condition = Condition.parse(JsonLd.text(offer.get("itemCondition")));
        String seller = block.name(offer.get("seller"));
        boolean aggregate = JsonLd.hasType(offer, "AggregateOffer");
        BigDecimal price = aggregate ? price(offer, "lowPrice", "price") : price(offer, "price", "lowPrice");
        Specified spec = specification(offer.get("priceSpecification"), block);
        if (price == null && spec.price() != null) {
            price = spec.price();
            currency = spec.currency() != null ? spec.currency() : currency;
        } else if (price != null && currency == null) {
            currency = spec.currency() != null ? spec.currency() : spec.wasCurrency();
        }
        if (aggregate && offer.has("offers")) {
            if (price == null) {
                Stated nested = of(offer.get("offers"), block, depth + 1);
                if (nested.price() != null) {
                    return nested.orElse(new Stated(null, currency, null, availability, condition, seller, offer));
                }
            } else if (availability == null) {
                availability = nestedAvailability(offer.get("offers"), price, block, depth);
            }
        }
        if (price == null && spec.was() != null) {
            // The "was" price is the only price stated: it is the price, with no list price beside it.
            return new Stated(spec.was(), spec.wasCurrency() != null ? spec.wasCurrency() : currency, null, availability, condition,
                    seller, offer);
        }
        return new Stated(price, currency, listPrice(price, currency, spec), availability, condition, seller, offer);
    }

    /** Of nested offers, the availability of the first at this price that states one, else of the first that states one. */
    private static Availability nestedAvailability(JsonNode offers, BigDecimal price, JsonLd block, int depth) {
        if (depth >= MAX_NESTING) {
            return null;
        }
        Availability first = null;
        for (JsonNode o : objects(offers, block)) {
            Stated s = offer(o, block, depth + 1);
            if (s.availability() != null) {
                if (s.price() != null && s.price().compareTo(price) == 0) {
                    return s.availability();
                }
                first = first != null ? first : s.availability();
            }
        }
        return first;
    }

    /** The "was" price when it is above the selling price and in the same currency; else null. */
    private static BigDecimal listPrice(BigDecimal price, String currency, Specified spec) {
        if (price == null || spec.was() == null || spec.was().compareTo(price) <= 0) {
            return null;
        }
        boolean sameCurrency = currency == null || spec.wasCurrency() == null || currency.equals(spec.wasCurrency());
        return sameCurrency ? spec.was() : null;
    }

    /** A priceSpecification (one or an array): the first selling price and the first "was" price. */
    private static Specified specification(JsonNode specs, JsonLd block) {
        BigDecimal price = null;
        String currency = null;
        BigDecimal was = null;
        String wasCurrency = null;
        for (JsonNode spec : block.objects(specs)) {
            BigDecimal p = price(spec, "price", "minPrice");
            if (p == null) {
                continue;
            }
            String c = Prices.currency(JsonLd.text(spec.get("priceCurrency")));
            if (!isWasPrice(spec)) {
                if (price == null) {
                    price = p;
                    currency = c;
                }
            } else if (was == null) {
                was = p;
                wasCurrency = c;
            }
        }
        return new Specified(price, currency, was, wasCurrency);
    }

    /** Typed {@code ListPrice} (and the like), or a {@code priceType} naming one, as a term or an IRI. */
    private static boolean isWasPrice(JsonNode spec) {
        if (JsonLd.hasType(spec, WAS_PRICE_TYPES)) {
            return true;
        }
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

    /** The offer objects of a product, an aggregate offer's nested ones in its place: the candidates for variants. */
    static List<JsonNode> flat(JsonNode offers, JsonLd block) {
        List<JsonNode> flat = new ArrayList<>();
        for (JsonNode o : objects(offers, block)) {
            if (JsonLd.hasType(o, "AggregateOffer") && o.has("offers")) {
                flat.addAll(block.objects(o.get("offers")));
            } else {
                flat.add(o);
            }
        }
        return flat;
    }

    /**
     * The offer objects of an {@code offers} value, references resolved; a lone
     * {@code AggregateOffer} without offers of its own beside other offers becomes one aggregate
     * holding them as its nested offers.
     */
    static List<JsonNode> objects(JsonNode offers, JsonLd block) {
        List<JsonNode> objects = block.objects(offers);
        if (objects.size() < 2) {
            return objects;
        }
        JsonNode summary = null;
        ArrayNode others = JsonNodeFactory.instance.arrayNode(objects.size() - 1);
        for (JsonNode o : objects) {
            if (!JsonLd.hasType(o, "AggregateOffer")) {
                others.add(o);
            } else if (summary == null && !o.has("offers")) {
                summary = o;
            } else {
                return objects;
            }
        }
        if (summary == null) {
            return objects;
        }
        ObjectNode aggregate = JsonNodeFactory.instance.objectNode();
        aggregate.setAll((ObjectNode) summary);
        aggregate.set("offers", others);
        return List.of(aggregate);
    }
}
