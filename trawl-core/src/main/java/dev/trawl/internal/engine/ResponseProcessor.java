package dev.trawl.internal.engine;

import dev.trawl.config.CrawlConfig;
import dev.trawl.crawl.CrawlResult;
import dev.trawl.crawl.FailureReason;
import dev.trawl.crawl.Outcome;
import dev.trawl.internal.discover.Link;
import dev.trawl.discover.LinkRules;
import dev.trawl.internal.discover.PageLinks;
import dev.trawl.internal.discover.SitemapReader;
import dev.trawl.extract.Page;
import dev.trawl.extract.Product;
import dev.trawl.fetch.FetchResult;
import dev.trawl.fetch.Validators;
import dev.trawl.internal.frontier.CrawlRequest;
import dev.trawl.internal.frontier.Frontier;
import dev.trawl.internal.frontier.HostKey;
import dev.trawl.internal.frontier.RequestKind;
import dev.trawl.internal.discover.SeedUrls;
import dev.trawl.internal.politeness.RobotsRules;
import dev.trawl.internal.stats.CrawlStats;
import dev.trawl.internal.text.ControlChars;
import dev.trawl.internal.writer.ResultLog;
import dev.trawl.internal.discover.Destinations;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What a request's end yields, by its kind (DESIGN.md, data flow step 6), on its virtual thread:
 * a page's products (and, from a start page, the links to follow, back to the frontier); a
 * sitemap's child sitemaps and pages (back to the frontier); a robots.txt's rules (to the robots
 * gate), and then a site's sitemaps. Every request but a robots.txt ends in exactly one result for
 * the writer. Sitemap entries and robots.txt {@code Sitemap:} lines that {@link Destinations}
 * refuses never enter the frontier, so they get no result: a warning line per sitemap counts them.
 */
final class ResponseProcessor {
    private final CrawlSetup setup;
    private final CrawlStats stats;
    private final Consumer<String> warnings;
    private final CrawlConfig.Discovery discovery;
    private final Frontier frontier;
    private final ResultLog results;
    private final BiConsumer<String, RobotsRules> robotsLearned;
    private final String agent;
    private final AtomicLong unusableWarnings = new AtomicLong();
    private final RenderStep render;

    /** How many pages and sitemaps get a warning line for their entries with no valid URL: a broken template link must not flood the log. */
    static final int UNUSABLE_WARNINGS = 100;

    ResponseProcessor(CrawlSetup setup, CrawlStats stats, Frontier frontier, ResultLog results,
                      BiConsumer<String, RobotsRules> robotsLearned, RenderStep render) {
        this.setup = setup;
        this.render = render;
        this.warnings = setup.config().output().warnings();
        this.discovery = setup.config().discovery();
        this.stats = stats;
        this.frontier = frontier;
        this.results = results;
        this.robotsLearned = robotsLearned;
        this.agent = RobotsRules.agentToken(setup.config().fetch().settings().userAgent());
    }

    /**
     * Handles a request's end: {@code response} is the 2xx response of a {@link Outcome.Done}, else
     * null. Returns null, or the same page to render in the browser next (no outcome yet).
     */
    CrawlRequest ended(CrawlRequest request, Outcome outcome, FetchResult.Response response) {
        switch (request.kind()) {
            case ROBOTS -> robotsLearned.accept(HostKey.of(request.seedUrl()), robots(request, outcome, response));
            case SITEMAP -> sitemap(request, outcome, response);
            default -> {
                return page(request, outcome, response);
            }
        }
        return null;
    }

    /** Records a terminal outcome: counts it and hands it to the writer. */
    void record(CrawlRequest request, Outcome outcome, List<Product> products) {
        record(request, outcome, products, Validators.NONE);
    }

    private void record(CrawlRequest request, Outcome outcome, List<Product> products, Validators validators) {
        switch (outcome) {
            case Outcome.Done d -> stats.done(HostKey.of(request.seedUrl()), products.size());
            case Outcome.Failed f -> stats.failed(HostKey.of(request.seedUrl()), f.reason());
        }
        results.submit(request, new CrawlResult(request.seedUrl(), request.source(), request.seedUrl().toString(), outcome, products,
                Instant.now()), validators);
    }

    /** Ends a request robots.txt disallows, without a request. */
    void refuse(CrawlRequest request, RobotsRules rules) {
        record(request, new Outcome.Failed(rules.denialReason(), rules.denial(), 0, 0), List.of());
    }

    /** A site's robots.txt is known: its Sitemap: lines (else /sitemap.xml) enter the frontier. */
    void expandSite(CrawlRequest site, RobotsRules rules) {
        List<String> sitemaps = rules.sitemaps().isEmpty() ? List.of(site.host() + "/sitemap.xml") : rules.sitemaps();
        for (String sitemap : sitemaps) {
            SeedUrls.Parsed parsed = SeedUrls.parse(sitemap.strip());
            String refused = parsed.ok() ? setup.destinations().refusal(site.seedUrl(), parsed.url()) : parsed.message();
            if (refused == null) {
                frontier.offer(CrawlRequest.of(parsed.url(), site.source(), RequestKind.SITEMAP, 0));
            } else {
                warnings.accept("robots.txt of " + site.host() + ": Sitemap: " + sitemap + ": " + refused + " (skipped)");
            }
        }
        frontier.expanded(site);
    }

    private RobotsRules robots(CrawlRequest request, Outcome outcome, FetchResult.Response response) {
        if (response != null) {
            byte[] body = response.body().length <= RobotsRules.MAX_BYTES ? response.body()
                    : Arrays.copyOf(response.body(), RobotsRules.MAX_BYTES);
            return RobotsRules.parse(request.url(), response.contentType(), body, agent);
        }
        Outcome.Failed f = (Outcome.Failed) outcome;
        if (f.reason() == FailureReason.OFFSITE) {
            // Not the server failing: trawl declined the hop. Read as RFC 9309 reads too many redirects: unavailable.
            warnings.accept(request.url() + ": " + f.detail() + "; read as no robots.txt");
            return RobotsRules.missing();
        }
        if (f.reason() == FailureReason.HTTP_STATUS && f.status() >= 400 && f.status() < 500 && f.status() != 429) {
            return RobotsRules.missing();
        }
        // A 5xx (or a 503 with no word of when, a block) on robots.txt: RFC 9309 reads it as disallowing all.
        boolean status = f.reason() == FailureReason.HTTP_STATUS || f.reason() == FailureReason.BLOCKED;
        return RobotsRules.unreachable(status ? FailureReason.ROBOTS : f.reason(), f.detail());
    }

    private void sitemap(CrawlRequest request, Outcome outcome, FetchResult.Response response) {
        if (response == null) {
            record(request, outcome, List.of());
            return;
        }
        String from = request.url().toString();
        Refused refused = new Refused();
        Unusable unusable = new Unusable();
        try {
            // Streamed: each entry enters the frontier as it is read (a store frontier pushes back through the writer's queue).
            SitemapReader.stream(request.url(), response.contentType(), response.body(), new SitemapReader.Visitor() {
                @Override
                public void sitemap(URI child) {
                    if (refused.allows(request, child)) {
                        frontier.offer(CrawlRequest.of(child, from, RequestKind.SITEMAP, 0));
                    }
                }

                @Override
                public void page(SitemapReader.Entry page) {
                    boolean fresh = discovery.modifiedSince() == null || page.lastModified() == null
                            || !page.lastModified().isBefore(discovery.modifiedSince());
                    if (fresh && discovery.follow().wanted(page.url().toString()) && refused.allows(request, page.url())) {
                        frontier.offer(CrawlRequest.of(page.url(), from, RequestKind.PAGE, 0));
                    }
                }

                @Override
                public void unusable(String location, String why) {
                    unusable.add(location, why);
                }
            });
        } catch (SitemapReader.Unreadable e) {
            warnings.accept(request.url() + ": " + e.getMessage() + " (skipped)");
            record(request, new Outcome.Failed(FailureReason.BAD_SITEMAP, e.getMessage(), response.status(), outcome.attempts()),
                    List.of());
            return;
        }
        if (refused.count > 0) {
            warnings.accept(from + ": " + refused.count + (refused.count == 1 ? " entry" : " entries") + " on other hosts skipped, e.g. "
                    + refused.first + ": " + refused.why);
        }
        if (unusable.count > 0) {
            warnUnusable(from, unusable.count, unusable.count == 1 ? "entry" : "entries", unusable.example);
        }
        record(request, outcome, List.of());
    }

    /** A sitemap's entries that {@link Destinations} refuses: how many, and the first with its reason. */
    private final class Refused {
        int count;
        URI first;
        String why;

        /** Whether {@code entry} of the sitemap {@code request} may be crawled; counts it if not. */
        boolean allows(CrawlRequest request, URI entry) {
            String refusal = setup.destinations().refusal(request.seedUrl(), entry);
            if (refusal != null && count++ == 0) {
                first = entry;
                why = refusal;
            }
            return refusal == null;
        }
    }

    /** A sitemap's entries with no valid URL: how many, and the first as written with the reason. */
    private static final class Unusable {
        long count;
        String example;

        void add(String location, String why) {
            if (count++ == 0) {
                example = "'" + ControlChars.shown(location) + "': " + why;
            }
        }
    }

    private CrawlRequest page(CrawlRequest request, Outcome outcome, FetchResult.Response response) {
        if (response == null) {
            record(request, outcome, List.of());
            return null;
        }
        if (response.status() == 304) {
            // Unchanged since the last run: the store keeps that run's products for it.
            record(request, outcome, List.of(), validators(response, request.validators()));
            return null;
        }
        List<Product> products = List.of();
        Page page = null;
        if (isMarkup(response.contentType())) {
            page = new Page(request.url(), response.status(), response.contentType(), response.body());
            try {
                if (setup.extractor() != null) {
                    products = setup.extractor().extract(page);
                }
                if (request.kind() == RequestKind.START) {
                    follow(request, page);
                }
            } catch (RuntimeException e) {
                // A user's extractor, or a recipe's regex out of its budget: the page fails, the crawl goes on.
                record(request, new Outcome.Failed(FailureReason.EXTRACT_ERROR, "extractor threw " + e, response.status(),
                        outcome.attempts()), List.of());
                return null;
            }
        }
        boolean productUrl = response.status() == 200 && setup.extractor() != null && isProductUrl(request);
        if (request.render()) {
            render.rendered(request, outcome, products);
        } else if (productUrl && render.renderNext(request, page, !products.isEmpty())) {
            return request.renderAfterFetch(); // its outcome is the render's
        }
        if (products.isEmpty() && productUrl) {
            stats.noProduct(request.url().toString(), response.body().length);
        }
        record(request, outcome, products, validators(response, Validators.NONE));
        return null;
    }

    /** A URL given or found as a product page: a listed URL or sitemap entry, or a page a recipe reads. */
    private boolean isProductUrl(CrawlRequest request) {
        try {
            return request.kind() == RequestKind.PAGE || setup.recipes().matching(request.url()) != null;
        } catch (RuntimeException e) {
            return false; // a match past its budget: the extractor has said so already
        }
    }

    /** What the response says of the page's version, each value falling back to what was known; none a header cannot carry. */
    private static Validators validators(FetchResult.Response response, Validators known) {
        try {
            return new Validators(response.etag() != null ? response.etag() : known.etag(),
                    response.lastModified() != null ? response.lastModified() : known.lastModified());
        } catch (IllegalArgumentException e) {
            return known;
        }
    }

    private void follow(CrawlRequest request, Page page) {
        LinkRules rules = discovery.follow();
        String pageHost = request.url().getHost();
        String from = request.url().toString();
        List<String> selectors = rules.linkSelectors();
        List<String> recipeSelectors = setup.recipes().followSelectors(request.url());
        if (!recipeSelectors.isEmpty()) {
            // A recipe narrows "every link" to the ones it names, or adds to the ones the rules name.
            selectors = selectors.isEmpty() ? recipeSelectors
                    : java.util.stream.Stream.concat(selectors.stream(), recipeSelectors.stream()).toList();
        }
        PageLinks.Found found = PageLinks.find(page.document(), request.url(), selectors, rules.nextPageSelectors());
        for (Link link : found.links()) {
            int depth = link.nextPage() ? request.depth() : request.depth() + 1;
            if (depth <= rules.maxDepth() && rules.hostAllowed(pageHost, link.url().getHost())
                    && rules.wanted(link.url().toString())) {
                frontier.offer(CrawlRequest.of(link.url(), from, RequestKind.START, depth));
            }
        }
        if (found.unusable() > 0) {
            warnUnusable(from, found.unusable(), found.unusable() == 1 ? "link" : "links", found.example());
        }
    }

    /** A warning line for a page's or sitemap's entries no URL can be made of; the first {@link #UNUSABLE_WARNINGS} only. */
    private void warnUnusable(String from, long count, String what, String example) {
        long n = unusableWarnings.incrementAndGet();
        if (n <= UNUSABLE_WARNINGS) {
            warnings.accept(from + ": " + count + " " + what + " with no valid URL skipped, e.g. " + example
                    + (n == UNUSABLE_WARNINGS ? " (further pages and sitemaps with such entries are not reported)" : ""));
        }
    }

    private static boolean isMarkup(String contentType) {
        if (contentType == null) {
            return true;
        }
        String ct = contentType.toLowerCase(Locale.ROOT);
        return ct.contains("html") || ct.contains("xml") || ct.contains("json") || ct.startsWith("text/");
    }
}
