package dev.trawl.extract;

import java.util.Locale;

/**
 * Whether a product can be bought, as a schema.org {@code ItemAvailability} term. Pages spell it in
 * many ways ({@code http://schema.org/InStock}, {@code InStock}, {@code in stock}, {@code in_stock});
 * {@link #parse} reads them all to one term.
 */
public enum Availability {
    IN_STOCK("InStock"),
    OUT_OF_STOCK("OutOfStock"),
    PRE_ORDER("PreOrder"),
    PRE_SALE("PreSale"),
    BACK_ORDER("BackOrder"),
    DISCONTINUED("Discontinued"),
    LIMITED_AVAILABILITY("LimitedAvailability"),
    IN_STORE_ONLY("InStoreOnly"),
    ONLINE_ONLY("OnlineOnly"),
    SOLD_OUT("SoldOut"),
    MADE_TO_ORDER("MadeToOrder"),
    RESERVED("Reserved");

    private final String term;

    Availability(String term) {
        this.term = term;
    }

    /** The schema.org term, e.g. {@code InStock}. */
    public String term() {
        return term;
    }

    /**
     * The availability a text states, or null when it names none: a schema.org IRI (http or https,
     * any case), a term, or words such as "in stock", "out-of-stock", "sold out", "pre-order",
     * "available", "unavailable".
     */
    public static Availability parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        int slash = s.lastIndexOf('/');
        if (slash >= 0 && s.regionMatches(true, 0, "http", 0, 4)) {
            s = s.substring(slash + 1);
        }
        String key = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return switch (key) {
            case "instock", "available", "availablenow", "yes", "true", "instockonline" -> IN_STOCK;
            case "outofstock", "unavailable", "notavailable", "notinstock", "no", "false", "currentlyunavailable" -> OUT_OF_STOCK;
            case "preorder", "availableforpreorder" -> PRE_ORDER;
            case "presale" -> PRE_SALE;
            case "backorder", "backordered", "onbackorder", "availableonbackorder" -> BACK_ORDER;
            case "discontinued" -> DISCONTINUED;
            case "limitedavailability", "limitedstock", "lowstock", "fewleft", "onlyafewleft" -> LIMITED_AVAILABILITY;
            case "instoreonly" -> IN_STORE_ONLY;
            case "onlineonly" -> ONLINE_ONLY;
            case "soldout" -> SOLD_OUT;
            case "madetoorder" -> MADE_TO_ORDER;
            case "reserved" -> RESERVED;
            default -> null;
        };
    }
}
