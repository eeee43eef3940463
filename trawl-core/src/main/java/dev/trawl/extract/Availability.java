package dev.trawl.extract;

import dev.trawl.internal.text.SchemaTerm;

import java.util.Locale;
import java.util.regex.Pattern;

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
     * The availability a shop's visible text states ("Auf Lager — in stock", "Only 3 left",
     * "Currently sold out"), looked for as words inside it: a negative ("out of stock", "sold
     * out", "unavailable") before a positive; or null. For structured values use {@link #parse}.
     */
    public static Availability describedBy(String text) {
        if (text == null) {
            return null;
        }
        Availability exact = parse(text);
        if (exact != null) {
            return exact;
        }
        String s = " " + NOT_WORDS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ") + " ";
        for (Object[] rule : WORDS) {
            for (int i = 1; i < rule.length; i++) {
                if (s.contains(" " + rule[i] + " ")) {
                    return (Availability) rule[0];
                }
            }
        }
        return null;
    }

    private static final Pattern NOT_WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Phrases of shop text by what they mean, negatives first ("not available" holds "available"). */
    private static final Object[][] WORDS = {
        {OUT_OF_STOCK, "out of stock", "not in stock", "not available", "unavailable", "currently unavailable", "nicht verfügbar",
                "ausverkauft", "épuisé", "rupture de stock", "agotado", "esaurito", "uitverkocht", "slutsåld"},
        {SOLD_OUT, "sold out"},
        {DISCONTINUED, "discontinued", "no longer available"},
        {PRE_ORDER, "pre order", "preorder", "vorbestellen", "précommande", "reserva"},
        {BACK_ORDER, "backorder", "back order", "backordered"},
        {LIMITED_AVAILABILITY, "only a few left", "low stock", "few left", "limited stock"},
        {IN_STOCK, "in stock", "available", "auf lager", "lieferbar", "en stock", "disponible", "disponibile", "op voorraad",
                "i lager", "add to cart", "in den warenkorb"},
    };

    /**
     * The availability a text states, or null when it names none: a schema.org IRI (http or https,
     * any case), a term, or words such as "in stock", "out-of-stock", "sold out", "pre-order",
     * "available", "unavailable".
     */
    public static Availability parse(String text) {
        return switch (SchemaTerm.key(text)) {
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
