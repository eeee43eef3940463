package dev.trawl.internal.engine;

import static dev.trawl.internal.engine.CrawlEngineTest.at;
import static dev.trawl.internal.engine.CrawlEngineTest.crawl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.InvalidSettingException;
import dev.trawl.Recipes;
import dev.trawl.Trawl;
import dev.trawl.crawl.CrawlResult;
import dev.trawl.crawl.FailureReason;
import dev.trawl.crawl.Outcome;
import dev.trawl.demoshop.DemoShop;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Responses that are blocks end as {@code blocked}, the signal named, after their retries: never {@code done} with no product. */
@Timeout(60)
class BlockedTest {

    private static Outcome.Failed failed(CrawlResult r) {
        return assertInstanceOf(Outcome.Failed.class, r.outcome(), r.rawUrl() + ": " + r.outcome());
    }

    @Test
    void theBotManagersChallengesAreNamedWhateverTheirStatus() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("/fault/challenge?kind=cloudflare", "cloudflare challenge (403)");
        expected.put("/fault/challenge?kind=cloudflare&status=200", "cloudflare challenge (200)");
        expected.put("/fault/challenge?kind=cloudflare-page", "cloudflare challenge (503)");
        expected.put("/fault/challenge?kind=datadome", "datadome captcha (403)");
        expected.put("/fault/challenge?kind=perimeterx", "perimeterx captcha (403)");
        expected.put("/fault/challenge?kind=akamai", "akamai access denied (403)");
        expected.put("/fault/challenge?kind=awswaf", "aws waf challenge (202)");
        expected.put("/fault/challenge?kind=amazon", "amazon robot check (200)");
        expected.put("/fault/challenge?kind=plain&status=401", "HTTP 401");
        expected.put("/fault/challenge?kind=plain&status=403", "HTTP 403");
        try (DemoShop shop = DemoShop.builder().products(5).start()) {
            Results results = new Results();
            crawl(Trawl.crawl().seeds(at(shop, expected.keySet().toArray(String[]::new)).then(at(shop, "/fault/challenge?kind=plain", "/p/1")))
                    .retries(2).backoff(Duration.ofMillis(5)).obeyRobots(false).sink(results));
            var byUrl = results.byUrl();
            for (var e : expected.entrySet()) {
                Outcome.Failed f = failed(byUrl.get(shop.baseUri().resolve(e.getKey()).toString()));
                assertEquals(FailureReason.BLOCKED, f.reason(), e.getKey());
                assertEquals(e.getValue(), f.detail(), e.getKey());
                assertEquals(3, f.attempts(), "a block is retried like an overload: " + e.getKey());
                assertEquals(3, shop.requestsFor(e.getKey()), "the shop saw every attempt: " + e.getKey());
            }
            // A shop's own challenge page that no built-in signal names is a page (the user's rules name it, below), as is a product page.
            assertInstanceOf(Outcome.Done.class, byUrl.get(shop.baseUri().resolve("/fault/challenge?kind=plain").toString()).outcome());
            assertEquals(1, byUrl.get(shop.baseUri().resolve("/p/1").toString()).products().size());
        }
    }

    @Test
    void aChallengeThatPassesOnRetryIsDone() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(5).start()) {
            Results results = new Results();
            String path = "/fault/challenge?kind=datadome&times=1&id=2";
            crawl(Trawl.crawl().seeds(at(shop, path)).retries(2).backoff(Duration.ofMillis(5)).obeyRobots(false).sink(results));
            CrawlResult r = results.byUrl().get(shop.baseUri().resolve(path).toString());
            assertEquals(2, assertInstanceOf(Outcome.Done.class, r.outcome()).attempts());
            assertEquals(1, r.products().size());
        }
    }

    @Test
    void anOverloadWithNoWordOfWhenIsABlockAfterTheRetries() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(5).start()) {
            Results results = new Results();
            // The demo's 503 says no Retry-After; its 429 does unless told to say none (retry-after=0 still says 0).
            crawl(Trawl.crawl().seeds(at(shop, "/fault/503", "/fault/500")).retries(1).backoff(Duration.ofMillis(5)).obeyRobots(false)
                    .sink(results));
            var byUrl = results.byUrl();
            Outcome.Failed unavailable = failed(byUrl.get(shop.baseUri().resolve("/fault/503").toString()));
            assertEquals(FailureReason.BLOCKED, unavailable.reason());
            assertEquals("HTTP 503 after 2 attempts, no Retry-After", unavailable.detail());
            assertEquals(FailureReason.HTTP_STATUS, failed(byUrl.get(shop.baseUri().resolve("/fault/500").toString())).reason(),
                    "a server error is not a block");
        }
    }

    @Test
    void aShopThatAnswers429WithNoWordOfWhenOnEveryAttemptBlocksAndTheHostGetsLessLoad() throws Exception {
        // Over 2 requests at once the shop answers 429 with no Retry-After; trawl starts at 8 at once, adaptive.
        try (DemoShop shop = DemoShop.builder().products(200).latency(Duration.ofMillis(20)).throttleAbove(2).start()) {
            Results results = new Results();
            List<String> paths = java.util.stream.IntStream.range(0, 200).mapToObj(i -> "/p/" + i).toList();
            crawl(Trawl.crawl().seeds(at(shop, paths.toArray(String[]::new))).concurrency(8).perHost(8, Duration.ZERO).adaptive(true)
                    .retries(0).obeyRobots(false).sink(results));
            List<Outcome.Failed> failed = results.byUrl().values().stream().map(r -> r.outcome())
                    .filter(o -> o instanceof Outcome.Failed).map(o -> (Outcome.Failed) o).toList();
            assertTrue(!failed.isEmpty(), "8 at once is over the shop's 2");
            failed.forEach(f -> {
                assertEquals(FailureReason.BLOCKED, f.reason(), f.detail());
                assertEquals("HTTP 429 after 1 attempts, no Retry-After", f.detail());
            });
            // Each block halves the host's limit: the shop saw far fewer turned away than a steady 8 at once would give.
            assertTrue(failed.size() < 100, failed.size() + " blocked of 200");
        }
    }

    @Test
    void theUsersOwnRulesAndARecipesBlockedIfNameWhatMatched() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(5).start()) {
            Results results = new Results();
            crawl(Trawl.crawl().seeds(at(shop, "/fault/challenge?kind=plain&status=202", "/fault/challenge?kind=plain&t=1", "/p/1"))
                    .blockedStatus(202).blockedText("(?i)verify you are a human").retries(0).obeyRobots(false).sink(results));
            var byUrl = results.byUrl();
            assertEquals("status 202 (202)", failed(byUrl.get(shop.baseUri().resolve("/fault/challenge?kind=plain&status=202").toString())).detail());
            assertEquals("text /(?i)verify you are a human/ (200)",
                    failed(byUrl.get(shop.baseUri().resolve("/fault/challenge?kind=plain&t=1").toString())).detail());
            assertInstanceOf(Outcome.Done.class, byUrl.get(shop.baseUri().resolve("/p/1").toString()).outcome());
        }
        try (DemoShop shop = DemoShop.builder().products(5).start()) {
            Results results = new Results();
            String recipe = """
                    name: guarded
                    match: kind=plain&r=1
                    fields:
                      name: {selector: h1, optional: true}
                    blocked_if:
                      css: "form#verify-human"
                    """;
            crawl(Trawl.crawl().seeds(at(shop, "/fault/challenge?kind=plain&r=1", "/fault/challenge?kind=plain&r=2"))
                    .recipes(java.util.List.of(Recipes.parse(recipe, "guarded.yaml"))).retries(0).obeyRobots(false).sink(results));
            var byUrl = results.byUrl();
            assertEquals("recipe guarded (guarded.yaml) blocked_if css form#verify-human (200)",
                    failed(byUrl.get(shop.baseUri().resolve("/fault/challenge?kind=plain&r=1").toString())).detail());
            assertInstanceOf(Outcome.Done.class, byUrl.get(shop.baseUri().resolve("/fault/challenge?kind=plain&r=2").toString()).outcome(),
                    "a recipe's rules hold on the pages it matches only");
        }
    }

    @Test
    void aBadRuleIsRefusedBeforeTheCrawl() {
        InvalidSettingException text = assertThrows(InvalidSettingException.class,
                () -> Trawl.crawl().seeds(dev.trawl.crawl.Seeds.urls(java.util.List.of("http://127.0.0.1/"))).blockedText("(unclosed").build());
        assertEquals("blockedText", text.setting());
        assertThrows(InvalidSettingException.class,
                () -> Trawl.crawl().seeds(dev.trawl.crawl.Seeds.urls(java.util.List.of("http://127.0.0.1/"))).blockedStatus(42).build());
        assertThrows(InvalidSettingException.class,
                () -> Trawl.crawl().seeds(dev.trawl.crawl.Seeds.urls(java.util.List.of("http://127.0.0.1/"))).blockedCss("div[").build());
    }
}
