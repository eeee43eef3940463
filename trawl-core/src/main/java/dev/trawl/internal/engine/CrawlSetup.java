package dev.trawl.internal.engine;

import dev.trawl.config.CrawlConfig;
import dev.trawl.extract.Extractor;
import dev.trawl.internal.discover.Destinations;
import dev.trawl.internal.discover.UrlCanonicalizer;
import dev.trawl.internal.fetch.RetryPolicy;
import dev.trawl.internal.recipe.RecipeBook;
import java.time.Duration;
import java.util.List;

/**
 * A validated {@link CrawlConfig} with the objects the stages derive from it once: how URLs are
 * compared, when to retry, the recipes with their tallies, and the extractor pages go through.
 *
 * @param config        the crawl's settings
 * @param canonicalizer how URLs are compared (tracking parameters dropped)
 * @param retry         when a request is tried again
 * @param recipes       the site recipes, counting what each one missed
 * @param extractor     recipes over the configured extractor; null when there is neither
 * @param destinations  where redirects and sitemap entries may go
 */
public record CrawlSetup(CrawlConfig config, UrlCanonicalizer canonicalizer, RetryPolicy retry, RecipeBook recipes,
                         Extractor extractor, Destinations destinations) {

    /** The longest a Retry-After is obeyed; a longer one fails the request instead of stalling the crawl. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);
    /** The ceiling of the exponential backoff. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    public static CrawlSetup of(CrawlConfig config) {
        RecipeBook recipes = new RecipeBook(config.output().recipes());
        Extractor own = config.output().extractor();
        Extractor extractor = own == null && recipes.list().isEmpty() ? null
                : recipes.over(own != null ? own : page -> List.of());
        return new CrawlSetup(config, new UrlCanonicalizer(config.discovery().trackingParameters()),
                new RetryPolicy(config.fetch().retries(), config.fetch().backoff(), MAX_BACKOFF, MAX_RETRY_AFTER),
                recipes, extractor, new Destinations(config.discovery().follow(), config.discovery().followOffsite()));
    }
}
