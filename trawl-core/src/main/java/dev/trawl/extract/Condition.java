package dev.trawl.extract;

import dev.trawl.internal.text.SchemaTerm;

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
        return switch (SchemaTerm.key(text)) {
            case "newcondition", "new", "brandnew" -> NEW;
            case "usedcondition", "used", "preowned", "secondhand" -> USED;
            case "refurbishedcondition", "refurbished", "renewed" -> REFURBISHED;
            case "damagedcondition", "damaged" -> DAMAGED;
            default -> null;
        };
    }
}
