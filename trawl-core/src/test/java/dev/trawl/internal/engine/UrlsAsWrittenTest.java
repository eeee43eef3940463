package dev.trawl.internal.engine;

import static dev.trawl.internal.engine.CrawlEngineTest.crawl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.Sinks;
import dev.trawl.Trawl;
import dev.trawl.crawl.CrawlResult;
import dev.trawl.crawl.FailureReason;
import dev.trawl.crawl.Outcome;
import dev.trawl.crawl.Seeds;
import dev.trawl.demoshop.DemoShop;
import dev.trawl.fetch.FetchResult;
import dev.trawl.fetch.FetchSettings;
import dev.trawl.fetch.Transport;
import dev.trawl.fetch.Validators;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * URLs as shops write them, against the demo shop over loopback: what the shop is asked for is
 * what a browser would ask it for (the WHATWG URL Standard), and each page once.
 */
@Timeout(60)
class UrlsAsWrittenTest {

    /** A transport that records each URL it is asked for and answers an empty page. */
    private static Transport.Factory recording(List<String> requested) {
        return settings -> new Transport() {
            @Override
            public FetchResult fetch(URI url, long maxBodyBytes, Validators validators) {
                requested.add(url.toString());
                return new FetchResult.Response(200, "text/html", null, null, null, null, "<html></html>".getBytes(), 0);
            }

            @Override
            public FetchSettings settings() {
                return settings;
            }

            @Override
            public void close() {}
        };
    }

    @Test
    void aSeedWithAQueryAndNoPathIsRequestedWithItsQuery() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(10).start()) {
            String origin = "http://127.0.0.1:" + shop.baseUri().getPort();
            Results results = new Results();
            crawl(Trawl.crawl().seeds(Seeds.urls(List.of(origin + "?product=123"))).obeyRobots(false).sink(results));
            assertEquals(1, shop.requestsFor("/?product=123"));
            assertEquals(0, shop.requestsFor("/"));
            CrawlResult r = results.only();
            assertEquals(origin + "/?product=123", r.rawUrl());
            assertInstanceOf(Outcome.Done.class, r.outcome());
        }
    }

    @Test
    void linksWithRawSpacesNonAsciiAndBackslashesAreFetchedAsBrowsersFetchThemEachOnce() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(10).start()) {
            String page = shop.baseUri().resolve("/as-written/").toString();
            Results results = new Results();
            List<String> warnings = Collections.synchronizedList(new ArrayList<>());
            crawl(Trawl.crawl().seeds(Seeds.startPages(List.of(page))).sink(results).warnings(warnings::add));

            assertEquals(1, shop.requestsFor("/as-written/red%20shoes?colour=dark%20red"));
            // /café, /caf%C3%A9 and /caf%c3%a9 are one page: requested once, as the first link spells it once encoded.
            assertEquals(1, shop.requestsFor("/as-written/caf%C3%A9"));
            assertEquals(0, shop.requestsFor("/as-written/caf%c3%a9"));
            assertEquals(1, shop.requestsFor("/as-written/shelf"));
            assertEquals(1, shop.requestsFor("/as-written/a%7Cb?x=%7B1%7D"));

            Map<String, CrawlResult> byUrl = results.byUrl();
            assertEquals(5, byUrl.size(), byUrl.keySet().toString());
            for (CrawlResult r : byUrl.values()) {
                assertInstanceOf(Outcome.Done.class, r.outcome(), r.rawUrl());
            }
            // The link no URL can be made of is not lost without a word.
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.getFirst().startsWith(page + ": 1 link with no valid URL skipped, e.g. 'http://[::1/as-written/broken': "),
                    warnings.getFirst());
        }
    }

    @Test
    void anInternationalHostIsRequestedInPunycodeAndItsQueryAsUtf8() throws Exception {
        List<String> requested = Collections.synchronizedList(new ArrayList<>());
        Results results = new Results();
        crawl(Trawl.crawl().seeds(Seeds.urls(List.of("http://www.bücher.de/?q=bücher"))).obeyRobots(false).retries(0)
                .transport(recording(requested)).sink(results));
        assertEquals(List.of("http://www.xn--bcher-kva.de/?q=b%C3%BCcher"), requested);
        assertEquals("http://www.xn--bcher-kva.de/?q=b%C3%BCcher", results.only().rawUrl());
    }

    @Test
    void aPortOutOfRangeIsAnInvalidUrlWithAClearDetail() throws Exception {
        Results results = new Results();
        crawl(Trawl.crawl().seeds(Seeds.urls(List.of("http://shop.example:66000/p/1"))).sink(results));
        Outcome.Failed f = results.failed();
        assertEquals(FailureReason.INVALID_URL, f.reason());
        assertEquals("port 66000 is out of range (0 to 65535)", f.detail());
    }

    @Test
    void aPasswordIsSentButNeverPrintedAndIsNoPartOfTheDedupKey(@TempDir Path dir) throws Exception {
        try (DemoShop shop = DemoShop.builder().products(10).start()) {
            String withPassword = "http://shopper:s3cret@127.0.0.1:" + shop.baseUri().getPort() + "/p/1";
            Path outcomes = dir.resolve("outcomes.jsonl");
            Path products = dir.resolve("products.jsonl");
            List<String> warnings = Collections.synchronizedList(new ArrayList<>());
            crawl(Trawl.crawl().seeds(Seeds.urls(List.of(withPassword, shop.baseUri().resolve("/p/1").toString(),
                            "http://shopper:s3cret@127.0.0.1:66000/p/1")))
                    .obeyRobots(false).retries(0).sink(Sinks.outcomes(outcomes)).sink(Sinks.products(products))
                    .warnings(warnings::add));
            assertEquals(1, shop.requestsFor("/p/1"), "one page, with or without user info");
            String printed = Files.readString(outcomes) + Files.readString(products) + String.join("\n", warnings);
            assertFalse(printed.contains("s3cret"), printed);
            assertTrue(printed.contains("http://shopper:***@127.0.0.1:"), printed);
        }
    }
}
