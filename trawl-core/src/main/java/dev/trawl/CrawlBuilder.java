package dev.trawl;

import dev.trawl.crawl.Crawl;
import dev.trawl.crawl.CrawlConfig;
import dev.trawl.crawl.Seeds;

import dev.trawl.discover.LinkRules;
import dev.trawl.internal.discover.UrlCanonicalizer;
import dev.trawl.internal.engine.CrawlEngine;
import dev.trawl.extract.Extractor;
import dev.trawl.extract.Extractors;
import dev.trawl.fetch.FetchSettings;
import dev.trawl.internal.fetch.RetryPolicy;
import dev.trawl.output.ResultSink;
import dev.trawl.recipe.Recipes;
import dev.trawl.store.CrawlStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds and starts a crawl. Every setting has a default that suits a polite crawl of a few
 * sites; {@link #build()} validates and names the field at fault.
 */
public final class CrawlBuilder {
    private Seeds seeds;
    private int concurrency = 64;
    private int perHost = 8;
    private Duration delay = Duration.ZERO;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration responseTimeout = Duration.ofSeconds(30);
    private Duration totalTimeout = Duration.ofSeconds(60);
    private long maxBodyBytes = 10L * 1024 * 1024;
    private String userAgent = FetchSettings.DEFAULT_USER_AGENT;
    private int retries = 3;
    private Duration backoff = Duration.ofMillis(250);
    private int maxRedirects = 10;
    private String transport = "apache";
    private Extractor extractor = Extractors.products();
    private final List<ResultSink> sinks = new ArrayList<>();
    private Consumer<String> warnings = line -> org.slf4j.LoggerFactory.getLogger("dev.trawl").warn(line);
    private boolean obeyRobots = true;
    private Duration maxCrawlDelay = Duration.ofSeconds(30);
    private LinkRules follow = LinkRules.DEFAULT;
    private List<String> trackingParameters = UrlCanonicalizer.DEFAULT_TRACKING;
    private Instant modifiedSince;
    private Recipes recipes = Recipes.NONE;
    private boolean detectBlocking;
    private boolean adaptive;
    private int buffer = -1;
    private int lookahead = -1;
    private CrawlStore store;
    private String job = "crawl";

    CrawlBuilder() {}

    public CrawlBuilder seeds(Seeds seeds) {
        this.seeds = seeds;
        return this;
    }

    /** Requests in flight at most over all hosts (default 64). */
    public CrawlBuilder concurrency(int concurrency) {
        this.concurrency = concurrency;
        return this;
    }

    /** Requests in flight at most to one host (default 8) and the minimum delay between two starts to it (default 0). */
    public CrawlBuilder perHost(int perHost, Duration delay) {
        this.perHost = perHost;
        this.delay = delay;
        return this;
    }

    /** The whole attempt's timeout (default 60 s); connect and first-byte timeouts never exceed it. */
    public CrawlBuilder timeout(Duration total) {
        this.totalTimeout = total;
        return this;
    }

    public CrawlBuilder connectTimeout(Duration connect) {
        this.connectTimeout = connect;
        return this;
    }

    /** Time to wait for the first byte, and between reads (default 30 s). */
    public CrawlBuilder responseTimeout(Duration response) {
        this.responseTimeout = response;
        return this;
    }

    /** A larger decoded body fails with {@code too_large} (default 10 MiB). */
    public CrawlBuilder maxBodyBytes(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
        return this;
    }

    public CrawlBuilder userAgent(String userAgent) {
        this.userAgent = userAgent;
        return this;
    }

    /** Retries after the first attempt (default 3). */
    public CrawlBuilder retries(int retries) {
        this.retries = retries;
        return this;
    }

    /** The first retry's backoff (default 250 ms); it doubles per retry, with jitter. */
    public CrawlBuilder backoff(Duration backoff) {
        this.backoff = backoff;
        return this;
    }

    public CrawlBuilder maxRedirects(int maxRedirects) {
        this.maxRedirects = maxRedirects;
        return this;
    }

    /** {@code apache} (default) or {@code jdk}. */
    public CrawlBuilder transport(String transport) {
        this.transport = transport;
        return this;
    }

    /** What to read from each page (default: {@link Extractors#products()}: JSON-LD, then microdata, then OpenGraph); null for nothing. */
    public CrawlBuilder extract(Extractor extractor) {
        this.extractor = extractor;
        return this;
    }

    public CrawlBuilder sink(ResultSink sink) {
        this.sinks.add(sink);
        return this;
    }

    /** Where messages about bad input go, one line each (default: the SLF4J logger {@code dev.trawl}, at WARN). */
    public CrawlBuilder warnings(Consumer<String> warnings) {
        this.warnings = warnings;
        return this;
    }

    /**
     * Whether each host's robots.txt is fetched first and obeyed (default true): disallowed URLs
     * end as {@code failed: robots} without a request, and a Crawl-delay raises the host's delay.
     */
    public CrawlBuilder obeyRobots(boolean obey) {
        this.obeyRobots = obey;
        return this;
    }

    /** The largest robots.txt Crawl-delay obeyed (default 30 s); a larger one is cut to this. */
    public CrawlBuilder maxCrawlDelay(Duration max) {
        this.maxCrawlDelay = max;
        return this;
    }

    /** Which links are followed from start pages (default {@link LinkRules#DEFAULT}). */
    public CrawlBuilder follow(LinkRules rules) {
        this.follow = rules;
        return this;
    }

    /** Query parameters dropped when URLs are compared (default {@link UrlCanonicalizer#DEFAULT_TRACKING}; {@code *} ends a prefix). */
    public CrawlBuilder trackingParameters(List<String> names) {
        this.trackingParameters = List.copyOf(names);
        return this;
    }

    /**
     * Site recipes (default none): pages a recipe matches are read by it, the fields it lacks
     * filled from the page's structured data; its {@code follow} selectors pick the links followed.
     */
    public CrawlBuilder recipes(Recipes recipes) {
        this.recipes = recipes;
        return this;
    }

    /**
     * Finds each host's concurrency instead of always using the per-host cap (default off), as
     * TCP finds a link's rate: from 2 it doubles while responses come back well, then grows by one
     * a round; it halves on 429, 503, timeouts or latency rising well above the host's best;
     * never above {@link #perHost}. A Retry-After still pauses the host exactly that long.
     */
    public CrawlBuilder adaptive(boolean adaptive) {
        this.adaptive = adaptive;
        return this;
    }

    /**
     * Watches for code that holds the carrier threads every request shares — a native call, a
     * class initialiser that waits, CPU-heavy work — and names it once in a warning (default off).
     */
    public CrawlBuilder detectBlocking(boolean detect) {
        this.detectBlocking = detect;
        return this;
    }

    /** Skips sitemap entries whose {@code <lastmod>} is before this instant (default: none skipped). */
    public CrawlBuilder modifiedSince(Instant since) {
        this.modifiedSince = since;
        return this;
    }

    /** Requests held in memory ahead of the scheduler (default: 4 × concurrency, at least 256). */
    public CrawlBuilder buffer(int buffer) {
        this.buffer = buffer;
        return this;
    }

    /**
     * How many requests the engine may hold when all it holds wait on busy hosts (default: 64 ×
     * buffer). Bounds memory while letting a list sorted by site still use every site's slots.
     */
    public CrawlBuilder lookahead(int lookahead) {
        this.lookahead = lookahead;
        return this;
    }

    /**
     * Keeps the crawl in a store (default none: the frontier in memory, results to the sinks only).
     * Every URL, outcome and product is then committed there by one writer thread, a page's
     * products with its outcome; a crawl stopped or killed at any moment is resumed by the next
     * crawl of the same {@link #job} on the store, and the sinks get each result once it is
     * committed. The crawl does not close the store.
     */
    public CrawlBuilder store(CrawlStore store) {
        this.store = store;
        return this;
    }

    /**
     * The name of the recurring crawl this one belongs to (default {@code crawl}): the store's
     * unfinished run of the job is resumed, else a new run starts, whose pages are requested with
     * the validators the last finished run saw (a 304 keeps that run's products).
     */
    public CrawlBuilder job(String job) {
        this.job = job;
        return this;
    }

    public CrawlConfig build() {
        if (totalTimeout == null || totalTimeout.isNegative() || totalTimeout.isZero()) {
            throw new IllegalArgumentException("timeout must be a positive duration, was " + totalTimeout);
        }
        FetchSettings fetch = new FetchSettings(min(connectTimeout, totalTimeout), min(responseTimeout, totalTimeout),
                totalTimeout, maxBodyBytes, userAgent, Math.max(concurrency, 1), Math.max(perHost, 1));
        int b = buffer > 0 ? buffer : Math.max(256, 4 * concurrency);
        return new CrawlConfig(seeds, concurrency, perHost, delay, fetch,
                new RetryPolicy(retries, backoff, Duration.ofSeconds(30), Duration.ofMinutes(10)),
                maxRedirects, transport, extractor == null && recipes.list().isEmpty() ? null
                        : recipes.over(extractor != null ? extractor : page -> List.of()), sinks, warnings, b, lookahead > 0 ? lookahead : 64 * b, obeyRobots,
                maxCrawlDelay, follow, new UrlCanonicalizer(trackingParameters), modifiedSince, recipes, adaptive, detectBlocking,
                store, job);
    }

    /** Validates, starts the crawl on its own threads and returns at once. */
    public Crawl start() {
        return new CrawlEngine(build());
    }

    private static Duration min(Duration a, Duration b) {
        return a == null ? b : a.compareTo(b) <= 0 ? a : b;
    }
}
