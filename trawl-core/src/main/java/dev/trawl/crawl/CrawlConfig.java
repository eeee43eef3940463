package dev.trawl.crawl;

import dev.trawl.CrawlBuilder;

import dev.trawl.discover.LinkRules;
import dev.trawl.internal.discover.UrlCanonicalizer;
import dev.trawl.extract.Extractor;
import dev.trawl.fetch.FetchSettings;
import dev.trawl.internal.fetch.RetryPolicy;
import dev.trawl.output.ResultSink;
import dev.trawl.recipe.Recipes;
import dev.trawl.store.CrawlStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Everything a crawl needs, validated; made by {@link CrawlBuilder}. The one source of truth for
 * configuration: the CLI's flags fill the same builder.
 *
 * @param concurrency  requests in flight at most, over all hosts
 * @param perHost      requests in flight at most to one host
 * @param delay        minimum time between two request starts to one host
 * @param fetch        timeouts, size cap, user agent, pool size
 * @param retry        when and how often to retry
 * @param maxRedirects redirect hops followed per URL
 * @param transport    {@code apache} (default) or {@code jdk}
 * @param extractor    turns a fetched page into products (null: none)
 * @param sinks        receive every URL's result, on the writer thread
 * @param warnings     receives one line per bad input (a seed naming file and line, an unwritable sink)
 * @param buffer       requests held in memory ahead of the scheduler
 * @param lookahead    how far past {@code buffer} the engine reads when every queued request waits on a busy host
 * @param obeyRobots   whether robots.txt is fetched and obeyed (it is still read for sites' sitemaps when not)
 * @param maxCrawlDelay the largest robots.txt Crawl-delay obeyed; a larger one is cut to this
 * @param follow       which links are followed from start pages
 * @param canonicalizer how URLs are spelled for deduplication
 * @param modifiedSince sitemap entries with an older {@code <lastmod>} are skipped (null: none are)
 * @param recipes      site recipes: already part of {@code extractor}; here for the links they say to follow
 * @param adaptive     whether each host's concurrency is found by AIMD (up to {@code perHost}) instead of fixed at it
 * @param detectBlocking whether a {@link dev.trawl.internal.stats.BlockingDetector} watches the crawl and reports to {@code warnings}
 * @param store        where the frontier, outcomes and products are kept durably (null: in memory, sinks only)
 * @param job          the name of the store's runs this crawl belongs to; its unfinished run is resumed
 */
public record CrawlConfig(Seeds seeds, int concurrency, int perHost, Duration delay, FetchSettings fetch, RetryPolicy retry,
                          int maxRedirects, String transport, Extractor extractor, List<ResultSink> sinks,
                          Consumer<String> warnings, int buffer, int lookahead, boolean obeyRobots, Duration maxCrawlDelay,
                          LinkRules follow, UrlCanonicalizer canonicalizer, Instant modifiedSince, Recipes recipes, boolean adaptive, boolean detectBlocking,
                          CrawlStore store, String job) {

    public CrawlConfig {
        if (seeds == null) {
            throw new IllegalArgumentException("seeds must be set");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be ≥ 1, was " + concurrency);
        }
        if (perHost < 1) {
            throw new IllegalArgumentException("perHost must be ≥ 1, was " + perHost);
        }
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("delay must be ≥ 0, was " + delay);
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must be ≥ 0, was " + maxRedirects);
        }
        if (buffer < 1) {
            throw new IllegalArgumentException("buffer must be ≥ 1, was " + buffer);
        }
        if (lookahead < buffer) {
            throw new IllegalArgumentException("lookahead must be ≥ buffer (" + buffer + "), was " + lookahead);
        }
        if (maxCrawlDelay == null || maxCrawlDelay.isNegative()) {
            throw new IllegalArgumentException("maxCrawlDelay must be ≥ 0, was " + maxCrawlDelay);
        }
        if (follow == null || canonicalizer == null || recipes == null) {
            throw new IllegalArgumentException("follow, canonicalizer and recipes must be set");
        }
        if (job == null || job.isBlank()) {
            throw new IllegalArgumentException("job must be a name, was " + job);
        }
        sinks = List.copyOf(sinks);
    }
}
