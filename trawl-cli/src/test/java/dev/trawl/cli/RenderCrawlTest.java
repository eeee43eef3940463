package dev.trawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.CrawlBuilder;
import dev.trawl.Sinks;
import dev.trawl.Trawl;
import dev.trawl.crawl.Crawl;
import dev.trawl.crawl.CrawlResult;
import dev.trawl.crawl.CrawlSummary;
import dev.trawl.crawl.Outcome;
import dev.trawl.crawl.Seeds;
import dev.trawl.demoshop.DemoShop;
import dev.trawl.demoshop.Markup;
import dev.trawl.fetch.RenderSettings;
import dev.trawl.output.ResultSink;
import dev.trawl.render.ChromiumRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crawls with a real Chromium (Debian's, installed by ./test) over shops whose product pages are
 * built by scripts: what the shop counted, and every product exactly as its catalogue says.
 */
@Timeout(300)
class RenderCrawlTest {
    @TempDir
    Path dir;

    private static final int PER_HOST = 4;

    private static RenderSettings browser(int tabs, Duration timeout) {
        Path chromium = ChromiumRenderer.findBrowser().orElseThrow(() -> new AssertionError("no Chromium: ./test installs it"));
        return new RenderSettings(chromium, tabs, timeout, RenderSettings.DEFAULT_RESTART_AFTER, RenderSettings.DEFAULT_MEMORY_CAP, true, null);
    }

    private static List<String> urls(DemoShop shop, int products) {
        List<String> urls = new ArrayList<>();
        for (int id = 0; id < products; id++) {
            urls.add(shop.baseUri().resolve("/p/" + id).toString());
        }
        return urls;
    }

    private CrawlBuilder crawl(DemoShop shop, int products, List<CrawlResult> results, RenderSettings settings) throws java.io.IOException {
        return Trawl.crawl().seeds(Seeds.urls(urls(shop, products))).concurrency(8).perHost(PER_HOST, Duration.ZERO).obeyRobots(false)
                .renderer(ChromiumRenderer.factory(), settings).sink(into(results)).sink(Sinks.products(dir.resolve("products.jsonl")));
    }

    private static CrawlSummary run(CrawlBuilder b) throws InterruptedException {
        try (Crawl crawl = b.start()) {
            return crawl.await();
        }
    }

    /** Every product line as the catalogue has it, the crawl's own fields aside. */
    private void assertEveryProductExact(DemoShop shop, int products) throws Exception {
        List<String> expected = new ArrayList<>();
        for (int id = 0; id < products; id++) {
            expected.add(shop.expectedLine(id));
        }
        List<String> lines = Files.readAllLines(dir.resolve("products.jsonl")).stream()
                .map(l -> l.substring(0, l.indexOf(",\"source\":")) + "}").sorted().toList();
        assertEquals(expected.stream().sorted().toList(), lines, "every product exact");
    }

    @Test
    void aJsShopOf200ProductsIsReadExactlyInAutoAndItsHostIsThenRenderedDirectly() throws Exception {
        List<CrawlResult> results = new CopyOnWriteArrayList<>();
        try (DemoShop shop = DemoShop.builder().address("127.0.0.71").markup(Markup.JS).products(200).renderDelay(Duration.ofMillis(200))
                .start()) {
            // As many tabs as the host's slots: the shop's count of requests at once could exceed --per-host only if a render's own
            // requests (its page, its API call, anything the browser asks for) overlapped beyond the slot it holds.
            CrawlSummary s = run(crawl(shop, 200, results, browser(PER_HOST, Duration.ofSeconds(15))));
            assertEquals(200, s.counts().products(), "failed: " + s.counts().failedByReason());
            assertEquals(200, results.size(), "one outcome a URL");
            assertEveryProductExact(shop, 200);
            results.forEach(r -> assertTrue(r.outcome() instanceof Outcome.Done d && d.rendered(), r.rawUrl() + " " + r.outcome()));
            assertEquals(200, s.render().rendered());
            assertEquals(200, s.render().withProducts());
            var c = shop.counters();
            assertEquals(200, c.apiRequests(), "each page's script ran once");
            // A page is fetched, then rendered (two requests for its shell), until the host is known to need the browser:
            // then it is rendered directly, a fetch saved a page (one in 20 still fetched first): 20 + 180 / 20 + those
            // in flight as it switched, 32 in a run here; 200 without the switch.
            long fetchedFirst = c.jsPages() - 200;
            assertTrue(fetchedFirst < 60, fetchedFirst + " pages fetched before their render");
            assertTrue(c.maxInFlight() <= PER_HOST, "per-host cap, renders and their API calls included: " + c.maxInFlight());
            assertTrue(s.render().browserCpu().toNanos() > 0, s.render().toString());
        }
    }

    @Test
    void aMixedSiteRendersOnlyItsJsPagesAndFetchesEveryServerRenderedPageOnce() throws Exception {
        List<CrawlResult> results = new CopyOnWriteArrayList<>();
        int products = 120;
        try (DemoShop shop = DemoShop.builder().address("127.0.0.72").products(products).jsShare(30).renderDelay(Duration.ofMillis(100))
                .start()) {
            CrawlSummary s = run(crawl(shop, products, results, browser(2, Duration.ofSeconds(15))));
            assertEquals(products, s.counts().products(), "failed: " + s.counts().failedByReason());
            assertEveryProductExact(shop, products);
            long js = 0;
            for (int id = 0; id < products; id++) {
                if (shop.isJs(id)) {
                    js++;
                } else {
                    assertEquals(1, shop.requestsFor("/p/" + id), "a server-rendered page is fetched once, never rendered: /p/" + id);
                }
            }
            assertTrue(js > 10 && js < products - 10, js + " js pages");
            assertEquals(js, shop.counters().apiRequests());
            assertEquals(js, s.render().rendered());
            for (CrawlResult r : results) {
                long id = Long.parseLong(r.rawUrl().substring(r.rawUrl().lastIndexOf('/') + 1));
                assertEquals(shop.isJs(id), ((Outcome.Done) r.outcome()).rendered(), r.rawUrl());
            }
        }
    }

    @Test
    void theBrowserGoesThroughTheSessionsProxiesWithTheirCookies() throws Exception {
        List<CrawlResult> results = new CopyOnWriteArrayList<>();
        int products = 40;
        // Only a client that keeps the cookie its 302 sets gets a product page (else a 200 challenge): the browser must carry
        // the session's cookie, and reach the shop from the proxies' addresses alone.
        try (dev.trawl.internal.proxy.TestProxies proxies = new dev.trawl.internal.proxy.TestProxies(dir);
             DemoShop shop = DemoShop.builder().address("127.0.0.76").markup(Markup.JS).products(products).guardCookie(true)
                     .renderDelay(Duration.ofMillis(100)).start()) {
            CrawlBuilder b = crawl(shop, products, results, browser(2, Duration.ofSeconds(15)));
            b.proxy(dev.trawl.fetch.ProxyServer.parse("http://127.0.0.1:" + proxies.http("127.0.1.71", null, null)));
            b.proxy(dev.trawl.fetch.ProxyServer.parse("http://ana:s3cret@127.0.0.1:" + proxies.http("127.0.1.72", "ana", "s3cret")));
            CrawlSummary s = run(b);
            assertEquals(products, s.counts().products(), "failed: " + s.counts().failedByReason() + " " + s.proxies());
            assertEveryProductExact(shop, products);
            assertEquals(products, s.render().withProducts());
            assertEquals(java.util.Set.of("127.0.1.71", "127.0.1.72"), shop.requestsByClient().keySet(),
                    "the browser's requests came through the proxies too: " + shop.requestsByClient());
            assertEquals(products, shop.counters().apiRequests());
        }
    }

    @Test
    void aBrowserKilledMidCrawlIsStartedAgainAndNoPageIsLost() throws Exception {
        List<CrawlResult> results = new CopyOnWriteArrayList<>();
        int products = 60;
        try (DemoShop shop = DemoShop.builder().address("127.0.0.73").markup(Markup.JS).products(products).renderDelay(Duration.ofMillis(100))
                .start()) {
            CrawlSummary s;
            try (Crawl crawl = crawl(shop, products, results, browser(2, Duration.ofSeconds(15))).start()) {
                while (shop.counters().apiRequests() < 10) {
                    Thread.sleep(10);
                }
                long killed = chromiums().stream().filter(ProcessHandle::destroyForcibly).count();
                assertTrue(killed > 0, "a browser to kill");
                s = crawl.await();
            }
            assertEquals(products, s.counts().products(), "failed: " + s.counts().failedByReason());
            assertEquals(products, results.size());
            assertEveryProductExact(shop, products);
            assertTrue(s.render().restarts() >= 1, s.render().toString());
        }
        assertTrue(chromiums().isEmpty(), "the crawl's end closes its browser");
    }

    @Test
    void aPageWhoseProductNeverAppearsEndsDoneWithNoProductAfterTheRenderTimeout() throws Exception {
        List<CrawlResult> results = new CopyOnWriteArrayList<>();
        try (DemoShop shop = DemoShop.builder().address("127.0.0.74").markup(Markup.JS).products(4).renderDelay(Duration.ofSeconds(60))
                .start()) {
            CrawlSummary s = run(crawl(shop, 4, results, browser(2, Duration.ofSeconds(1))));
            assertEquals(4, results.size());
            results.forEach(r -> assertTrue(r.outcome() instanceof Outcome.Done d && d.rendered() && r.products().isEmpty(),
                    r.rawUrl() + " " + r.outcome()));
            assertEquals(4, s.render().rendered());
            assertEquals(0, s.render().withProducts());
            assertEquals(4, s.counts().noProduct(), "counted as product pages with no product");
        }
    }

    @Test
    void fromTheCommandLineWithoutRenderingThePagesThatNeededItAreCountedAndAMissingBrowserIsOneLine() throws Exception {
        try (DemoShop shop = DemoShop.builder().address("127.0.0.75").markup(Markup.JS).products(30).start()) {
            Path urls = dir.resolve("urls.txt");
            Files.write(urls, urls(shop, 30));
            CrawlCommandTest.Run never = CrawlCommandTest.trawl("crawl", "--urls", urls.toString(), "--ignore-robots", "--render", "never",
                    "--out", dir.resolve("never.jsonl").toString(), "--outcomes", dir.resolve("outcomes.csv").toString());
            assertEquals(0, never.code(), never.err());
            assertTrue(never.out().contains("  not rendered: 30 product pages gave no product and looked built by scripts, e.g. "
                    + shop.baseUri().resolve("/p/"))
                    && never.out().contains("(rendering is off: --render auto renders them, with Chromium: apt-get install chromium)"),
                    never.out());
            assertEquals(0, shop.counters().apiRequests(), "no browser ran");
            List<String> outcomes = Files.readAllLines(dir.resolve("outcomes.csv"));
            assertTrue(outcomes.getFirst().endsWith(",read") && outcomes.stream().skip(1).allMatch(l -> l.endsWith(",fetched")), outcomes.toString());

            CrawlCommandTest.Run auto = CrawlCommandTest.trawl("crawl", "--urls", urls.toString(), "--ignore-robots",
                    "--out", dir.resolve("auto.jsonl").toString(), "--outcomes", dir.resolve("outcomes.jsonl").toString());
            assertEquals(0, auto.code(), auto.err());
            assertEquals(30, Files.readAllLines(dir.resolve("auto.jsonl")).size(), auto.out());
            assertTrue(auto.out().contains("  rendered: 30 pages in the browser, 30 with products"), auto.out());
            assertTrue(Files.readAllLines(dir.resolve("outcomes.jsonl")).stream().allMatch(l -> l.contains("\"read\":\"rendered\"")));

            CrawlCommandTest.Run missing = CrawlCommandTest.trawl("crawl", "--urls", urls.toString(), "--render", "always",
                    "--render-browser", dir.resolve("no-such-chromium").toString());
            assertEquals(2, missing.code());
            assertEquals("trawl: --render always: no Chromium at " + dir.resolve("no-such-chromium")
                    + ": install Debian's chromium (apt-get install chromium) or give --render-browser PATH\n", missing.err());
        }
    }

    /** Chromium processes of this JVM's renderers (their command line names trawl's profile directory). */
    private static List<ProcessHandle> chromiums() {
        return ProcessHandle.current().descendants().filter(p -> p.info().command().map(c -> c.contains("chromium")).orElse(false))
                .toList();
    }

    private static ResultSink into(List<CrawlResult> results) {
        return new ResultSink() {
            @Override
            public void accept(CrawlResult r) {
                results.add(r);
            }

            @Override
            public void close() {}
        };
    }
}
