package dev.trawl.internal.engine;

import dev.trawl.extract.Page;
import dev.trawl.fetch.BlockRules;
import dev.trawl.fetch.FetchResult;
import dev.trawl.internal.fetch.ChallengeSignals;
import dev.trawl.internal.frontier.CrawlRequest;
import dev.trawl.internal.frontier.RequestKind;
import dev.trawl.internal.recipe.BoundedRegex;
import dev.trawl.internal.recipe.RecipeBook;
import dev.trawl.recipe.Recipe;
import java.util.regex.Pattern;

/**
 * Tells a response that is a block from the page asked for, on the request's virtual thread: a
 * bot manager's challenge ({@link ChallengeSignals}), a 401 or 403, or one of the user's own
 * {@link BlockRules} (the crawl's, then those of the recipe that reads the page). The answer names
 * the signal and the status, e.g. {@code cloudflare challenge (403)}, for the outcome's detail.
 * robots.txt is never judged here: RFC 9309 says what its statuses mean. Redirects are judged where
 * they lead.
 */
final class BlockDetector {
    private final BlockRules rules;
    private final RecipeBook recipes;

    BlockDetector(BlockRules rules, RecipeBook recipes) {
        this.rules = rules;
        this.recipes = recipes;
    }

    /** The signal that {@code fetched} is a block, or null when it is not one. */
    String signal(CrawlRequest request, FetchResult fetched) {
        if (!(fetched instanceof FetchResult.Response r) || request.kind() == RequestKind.ROBOTS
                || r.status() == 304 || r.status() >= 300 && r.status() < 400 && r.location() != null) {
            return null;
        }
        String challenge = ChallengeSignals.of(r);
        if (challenge != null) {
            return challenge + " (" + r.status() + ")";
        }
        if (r.status() == 401 || r.status() == 403) {
            return "HTTP " + r.status();
        }
        Lazy page = new Lazy(request, r);
        String own = own(rules, "", page);
        if (own == null && recipes != null) {
            Recipe recipe = recipes.matching(request.url());
            if (recipe != null) {
                own = own(recipe.blockedIf(), RecipeBook.who(recipe) + " blocked_if ", page);
            }
        }
        return own == null ? null : own + " (" + r.status() + ")";
    }

    private static String own(BlockRules rules, String who, Lazy page) {
        if (rules.isEmpty()) {
            return null;
        }
        if (rules.statuses().contains(page.response.status())) {
            return who + "status " + page.response.status();
        }
        try {
            for (Pattern text : rules.texts()) {
                if (BoundedRegex.matcher(text, page.get().text(), who + "text").find()) {
                    return who + "text /" + text.pattern() + "/";
                }
            }
        } catch (BoundedRegex.TooComplex e) {
            // A rule past its budget shows nothing: the page is judged by what else there is.
        }
        for (String css : rules.selectors()) {
            if (page.get().document().selectFirst(css) != null) {
                return who + "css " + css;
            }
        }
        return null;
    }

    /** The page, decoded and parsed only when a text or CSS rule needs it. */
    private static final class Lazy {
        final CrawlRequest request;
        final FetchResult.Response response;
        Page page;

        Lazy(CrawlRequest request, FetchResult.Response response) {
            this.request = request;
            this.response = response;
        }

        Page get() {
            if (page == null) {
                page = new Page(request.url(), response.status(), response.contentType(), response.body());
            }
            return page;
        }
    }
}
