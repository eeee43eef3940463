package dev.trawl.fetch;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A site's own signs that a response is a block, not the page asked for, on top of the ones trawl
 * knows (401 and 403, and the challenge pages of common bot managers). A response that shows any
 * of them ends as {@code blocked} after its retries, the detail naming the rule.
 *
 * @param statuses  HTTP statuses that mean blocked (e.g. 202 for a shop that answers a challenge with it)
 * @param texts     regexes found in the body's first 64 KiB of text ({@code "Please verify you are a human"})
 * @param selectors CSS selectors present in the page ({@code "#challenge-form"})
 */
public record BlockRules(Set<Integer> statuses, List<Pattern> texts, List<String> selectors) {

    /** No rules of the user's: trawl's own signals only. */
    public static final BlockRules NONE = new BlockRules(Set.of(), List.of(), List.of());

    public BlockRules {
        statuses = Set.copyOf(statuses);
        texts = List.copyOf(texts);
        selectors = List.copyOf(selectors);
    }

    public boolean isEmpty() {
        return statuses.isEmpty() && texts.isEmpty() && selectors.isEmpty();
    }
}
