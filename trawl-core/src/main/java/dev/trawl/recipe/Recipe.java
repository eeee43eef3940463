package dev.trawl.recipe;

import dev.trawl.fetch.BlockRules;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A site's recipe: for pages whose URL {@code match} finds, how to read each field of the product
 * record with CSS selectors; and which links to follow from the pages a crawl follows links from.
 *
 * @param name        shown in reports and in products' source ({@code recipe:NAME})
 * @param file        where it was read from, for messages
 * @param match       found in a page's URL for the recipe to read it
 * @param currency    the currency when a price's text states none, and the one an ambiguous sign ($, kr) means; or null
 * @param fields      by product field name ({@code name}, {@code price}, {@code list_price}, ...), in the file's order
 * @param follow      CSS selectors of links to follow
 * @param followMatch found in a page's URL for {@code follow} to apply to it; null for every page links are followed from
 * @param blockedIf   what on its pages means the site blocked the request ({@code blocked_if}), beside trawl's own signals
 * @param render      when its pages are rendered in the browser ({@code render}), whatever the crawl's mode; null: the crawl's
 * @param waitFor     a CSS selector a rendered page is waited for ({@code wait_for}), beside a Product JSON-LD block; or null
 */
public record Recipe(String name, String file, Pattern match, String currency, Map<String, FieldRule> fields, List<String> follow,
                     Pattern followMatch, BlockRules blockedIf, dev.trawl.fetch.RenderMode render, String waitFor) {

    /** The product fields a recipe may read, by the names the output files use. */
    public static final List<String> FIELDS = List.of("name", "brand", "sku", "gtin", "mpn", "canonical_url", "price", "currency",
            "list_price", "availability", "condition", "images", "category", "rating", "review_count", "seller");

    public Recipe {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        follow = List.copyOf(follow);
        blockedIf = blockedIf == null ? BlockRules.NONE : blockedIf;
    }

    /** A recipe that leaves rendering to the crawl's mode. */
    public Recipe(String name, String file, Pattern match, String currency, Map<String, FieldRule> fields, List<String> follow,
                  Pattern followMatch, BlockRules blockedIf) {
        this(name, file, match, currency, fields, follow, followMatch, blockedIf, null, null);
    }

    /** A recipe with no {@code blocked_if} rules. */
    public Recipe(String name, String file, Pattern match, String currency, Map<String, FieldRule> fields, List<String> follow,
                  Pattern followMatch) {
        this(name, file, match, currency, fields, follow, followMatch, BlockRules.NONE);
    }
}
