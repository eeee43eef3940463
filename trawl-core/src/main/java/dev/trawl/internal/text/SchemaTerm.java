package dev.trawl.internal.text;

import java.util.Locale;
import java.util.regex.Pattern;

/** The comparable key of a schema.org enumeration value however it is written: an IRI, a term, or words. */
public final class SchemaTerm {
    /** Compiled once: every product's availability and condition go through here. */
    private static final Pattern NOT_LETTERS = Pattern.compile("[^a-z]");

    private SchemaTerm() {}

    /**
     * {@code https://schema.org/InStock}, {@code InStock} and {@code in stock} all give
     * {@code instock}: the IRI's last segment, lower case, letters only. Null gives "".
     */
    public static String key(String text) {
        if (text == null) {
            return "";
        }
        String s = text.strip();
        int slash = s.lastIndexOf('/');
        if (slash >= 0 && s.regionMatches(true, 0, "http", 0, 4)) {
            s = s.substring(slash + 1);
        }
        return NOT_LETTERS.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
