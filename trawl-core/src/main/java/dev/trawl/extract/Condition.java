package dev.trawl.extract;

import java.util.Locale;

/** A product's condition as a schema.org {@code OfferItemCondition} term; {@link #parse} reads the usual spellings. */
public enum Condition {
    NEW("NewCondition"),
    USED("UsedCondition"),
    REFURBISHED("RefurbishedCondition"),
    DAMAGED("DamagedCondition");

    private final String term;

    Condition(String term) {
        this.term = term;
    }

    /** The schema.org term, e.g. {@code NewCondition}. */
    public String term() {
        return term;
    }

    /** The condition a text states (an IRI, a term, or "new", "used", "refurbished", "damaged"), or null. */
    public static Condition parse(String text) {
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
            case "newcondition", "new", "brandnew" -> NEW;
            case "usedcondition", "used", "preowned", "secondhand" -> USED;
            case "refurbishedcondition", "refurbished", "renewed" -> REFURBISHED;
            case "damagedcondition", "damaged" -> DAMAGED;
            default -> null;
        };
    }
}
