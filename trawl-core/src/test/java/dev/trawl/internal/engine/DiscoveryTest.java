package dev.trawl.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.crawl.CrawlResult;
import dev.trawl.crawl.FailureReason;
import dev.trawl.crawl.Outcome;
import dev.trawl.crawl.Seeds;
import dev.trawl.Trawl;
import dev.trawl.discover.LinkRules;
import dev.trawl.extract.Product;
import dev.trawl.demoshop.CatalogueProduct;
import dev.trawl.demoshop.DemoShop;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Discovery against the demo shop over loopback: from a site's root, from a sitemap, from start pages by link rules. */
class DiscoveryTest {

    @Test
    void aSiteRootFindsEveryProductThroughRobotsTxtAndTheSitemapIndex() throws Exception {
        // 2,500 products in children of 1,000: three children, plain and gzipped.
        try (DemoShop shop = DemoShop.builder().products(2_500).sitemapChildSize(1_000).start()) {
            Results results = new Results();
            CrawlEngineTest.crawl(Trawl.crawl().seeds(Seeds.sites(List.of(shop.baseUri().toString()))).sink(results));

            Map<String, CrawlResult> byUrl = results.byUrl();
            assertEquals(1, shop.requestsFor("/robots.txt"));
            assertEquals(1, shop.requestsFor("/sitemap.xml"));
            // The sitemap lists drafts that robots.txt disallows: each fails as robots, never requested.
            List<String> drafts = shop.disallowedSitemapPaths();
            assertEquals(10, drafts.size()); // ids 7, 107, ... 907: those of the first child
            for (String draft : drafts) {
                Outcome.Failed f = assertInstanceOf(Outcome.Failed.class, byUrl.get(shop.baseUri().resolve(draft).toString()).outcome());
                assertEquals(FailureReason.ROBOTS, f.reason());
                assertEquals(0, f.attempts());
                assertEquals(0, shop.requestsFor(draft), draft);
            }
            Set<Long> seen = new HashSet<>();
            for (CrawlResult r : byUrl.values()) {
                if (r.rawUrl().contains("/drafts/")) {
                    continue;
                }
                assertInstanceOf(Outcome.Done.class, r.outcome(), r.rawUrl() + " " + r.outcome());
                if (r.rawUrl().contains("/p/")) {
                    long id = Long.parseLong(r.rawUrl().replaceAll(".*/p/", ""));
                    CatalogueProduct expected = shop.catalogue().product(id);
                    Product p = r.products().getFirst();
                    assertEquals(expected.name(), p.name());
                    assertEquals(expected.sku(), p.sku());
                    assertEquals(expected.price(), p.price());
                    assertEquals(expected.currency(), p.currency());
                    assertTrue(seen.add(id));
                }
            }
            assertEquals(2_500, seen.size());
            for (long id = 0; id < 2_500; id++) {
                assertEquals(1, shop.requestsFor("/p/" + id), "/p/" + id);
            }
            // the index, three children, the pages and the drafts: each one outcome
            assertEquals(2_500 + 4 + drafts.size(), byUrl.size());
        }
    }

    @Test
    void sitemapEntriesOlderThanModifiedSinceAreSkipped() throws Exception {
        // every entry of the shop's sitemaps has <lastmod>2026-11-01</lastmod>
        try (DemoShop shop = DemoShop.builder().products(50).start()) {
            Results after = new Results();
            CrawlEngineTest.crawl(Trawl.crawl().seeds(Seeds.sitemaps(List.of(shop.baseUri().resolve("/sitemap.xml").toString())))
                    .modifiedSince(java.time.Instant.parse("2026-11-02T00:00:00Z")).sink(after));
            assertEquals(0, after.all().stream().filter(r -> r.rawUrl().contains("/p/")).count());
            Results before = new Results();
            CrawlEngineTest.crawl(Trawl.crawl().seeds(Seeds.sitemaps(List.of(shop.baseUri().resolve("/sitemap.xml").toString())))
                    .modifiedSince(java.time.Instant.parse("2026-11-01T00:00:00Z")).sink(before));
            assertEquals(50, before.all().stream().filter(r -> r.rawUrl().contains("/p/") && !r.rawUrl().contains("/drafts/")).count());
        }
    }

    @Test
    void startPagesFollowLinksByTheRulesAndFetchEachProductOnce() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(600).start()) {
            Results results = new Results();
            LinkRules rules = new LinkRules(Set.of(), List.of(Pattern.compile("/c/kitchen\\?page=\\d+$"), Pattern.compile("/p/\\d+$")),
                    List.of(), List.of("a.product-link", ".breadcrumbs a"), List.of("a[rel=next]"), 2);
            CrawlEngineTest.crawl(Trawl.crawl().seeds(Seeds.startPages(List.of(shop.baseUri().resolve("/c/kitchen?page=1").toString())))
                    .follow(rules).sink(results));

            long kitchen = 0;
            for (long id = 0; id < 600; id++) {
                boolean isKitchen = shop.catalogue().product(id).category().equals("kitchen");
                // each product page links back to the first listing page: it too is fetched once
                assertEquals(isKitchen ? 1 : 0, shop.requestsFor("/p/" + id), "/p/" + id);
                kitchen += isKitchen ? 1 : 0;
            }
            long products = results.all().stream().filter(r -> r.rawUrl().contains("/p/")).mapToLong(r -> r.products().size()).sum();
            assertEquals(kitchen, products);
            // the listing pages' ItemList entries link to the product pages: links, not records of their own
            long listed = results.all().stream().filter(r -> r.rawUrl().contains("/c/")).mapToLong(r -> r.products().size()).sum();
            assertEquals(0, listed);
            assertEquals(1, shop.requestsFor("/c/kitchen?page=1"));
            results.byUrl(); // one outcome per URL
        }
    }

    @Test
    void maxDepthStopsFollowingButPaginationDoesNotAddAHop() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(600).start()) {
            Results results = new Results();
            LinkRules rules = new LinkRules(Set.of(), List.of(Pattern.compile("/c/kitchen"), Pattern.compile("/p/\\d+$")), List.of(),
                    List.of("a.product-link"), List.of("a[rel=next]"), 0);
            CrawlEngineTest.crawl(Trawl.crawl().seeds(Seeds.startPages(List.of(shop.baseUri().resolve("/c/kitchen?page=1").toString())))
                    .follow(rules).sink(results));
            // depth 0: no product page, but every listing page by its "next" links
            assertTrue(results.all().stream().noneMatch(r -> r.rawUrl().contains("/p/")));
            long listings = results.all().stream().filter(r -> r.rawUrl().contains("/c/kitchen")).count();
            assertEquals((600 / 12 + 23) / 24, listings);
        }
    }

    @Test
    void robotsDisallowedUrlsFailAsRobotsAndAreNeverRequested() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(20).start()) {
            Results results = new Results();
            URI base = shop.baseUri();
            CrawlEngineTest.crawl(Trawl.crawl().seeds(Seeds.urls(List.of(base.resolve("/cart").toString(),
                    base.resolve("/search?q=lamp").toString(), base.resolve("/p/3").toString()))).sink(results));
            assertEquals(0, shop.requestsFor("/cart"));
            assertEquals(0, shop.requestsFor("/search"));
            assertEquals(1, shop.requestsFor("/p/3"));
            assertEquals(1, shop.requestsFor("/robots.txt"));
            Map<String, CrawlResult> byUrl = results.byUrl();
            Outcome.Failed cart = assertInstanceOf(Outcome.Failed.class, byUrl.get(base.resolve("/cart").toString()).outcome());
            assertEquals(FailureReason.ROBOTS, cart.reason());
            assertEquals(0, cart.attempts());
            assertInstanceOf(Outcome.Done.class, byUrl.get(base.resolve("/p/3").toString()).outcome());

            // Not obeyed: requested.
            Results rude = new Results();
            CrawlEngineTest.crawl(Trawl.crawl().seeds(Seeds.urls(List.of(base.resolve("/cart").toString()))).obeyRobots(false).sink(rude));
            assertEquals(1, shop.requestsFor("/cart"));
        }
    }

    @Test
    void aCrawlDelayInRobotsTxtRaisesTheHostsDelayUpToTheCap() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(20).crawlDelay(Duration.ofMillis(150)).start()) {
            List<Long> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
            CrawlEngineTest.crawl(Trawl.crawl().seeds(Seeds.urls(CrawlEngineTest.productUrls(shop, 0, 8))).perHost(8, Duration.ZERO)
                    .events(new dev.trawl.crawl.CrawlEvents() {
                        @Override
                        public void requestSent(java.net.URI url, String host, long nanoTime) {
                            if (url.getPath().startsWith("/p/")) {
                                sent.add(nanoTime);
                            }
                        }
                    }));
            // What trawl itself recorded holds the delay exactly; the shop's clock, on a busy machine, gets slack.
            List<Long> times = sent.stream().sorted().toList();
            for (int i = 1; i < times.size(); i++) {
                assertTrue(times.get(i) - times.get(i - 1) >= 150_000_000L, "gap " + (times.get(i) - times.get(i - 1)) / 1000 + " µs");
            }
            assertEquals(8, times.size());
            assertTrue(shop.counters().minGapMicros() >= 50_000, "smallest gap at the shop " + shop.counters().minGapMicros() + " µs");
            assertEquals(1, shop.counters().maxInFlight());

            shop.resetCounters();
            CrawlEngineTest.crawl(Trawl.crawl().seeds(Seeds.urls(CrawlEngineTest.productUrls(shop, 0, 8))).perHost(8, Duration.ZERO).maxCrawlDelay(Duration.ofMillis(40)));
            long gap = shop.counters().minGapMicros();
            // cut to 40 ms, less the client's jitter to the wire (see CrawlEngineTest's delay test)
            assertTrue(gap >= 20_000 && gap < 130_000, "smallest gap " + gap + " µs with a 40 ms cap");
        }
    }

    @Test
    void duplicateSeedsAndTrackingParametersAreFetchedOnce() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(5).start()) {
            Results results = new Results();
            String p1 = shop.baseUri().resolve("/p/1").toString();
            CrawlEngineTest.crawl(Trawl.crawl().seeds(Seeds.urls(List.of(p1, p1 + "#reviews", p1 + "?utm_source=mail&utm_medium=x",
                    p1.replace("/p/1", "/p/./1")))).sink(results));
            assertEquals(1, shop.requestsFor("/p/1"));
            assertEquals(1, results.all().size());
        }
    }
}
