package dev.trawl.demoshop;

import static dev.trawl.demoshop.ShopHttp.get;
import static dev.trawl.demoshop.ShopHttp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a polite crawler is told (robots.txt) and offered (sitemaps, listings) over HTTP. */
@Timeout(60)
class CrawlPolicyTest {

    @Test
    void robotsTxtDisallowsCartSearchSortedListingsAndDraftsAndBadBotEverything() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(50).start()) {
            assertEquals("""
                    User-agent: *
                    Disallow: /cart
                    Disallow: /search
                    Disallow: /*?*sort=
                    Disallow: /drafts/
                    Allow: /c/

                    User-agent: BadBot
                    Disallow: /

                    Sitemap: %ssitemap.xml
                    """.formatted(shop.baseUri()), text(shop.baseUri().resolve("/robots.txt")));
        }
    }

    @Test
    void aCrawlDelayIsWrittenInSecondsInTheGroupForEveryCrawler() throws Exception {
        for (var delay : List.of(List.of(Duration.ofMillis(500), "0.5"), List.of(Duration.ofSeconds(2), "2"), List.of(Duration.ofMillis(250), "0.25"))) {
            try (DemoShop shop = DemoShop.builder().products(10).crawlDelay((Duration) delay.get(0)).start()) {
                String robots = text(shop.baseUri().resolve("/robots.txt"));
                assertTrue(robots.contains("Allow: /c/\nCrawl-delay: " + delay.get(1) + "\n\nUser-agent: BadBot"), robots);
            }
        }
        List<DemoShop> shops = DemoShopMain.start(new String[] {"--products", "10", "--address", "127.0.0.1", "--crawl-delay", "1.5s",
                "--markup", "plain", "--price-format", "eu"});
        try (DemoShop shop = shops.getFirst()) {
            assertTrue(text(shop.baseUri().resolve("/robots.txt")).contains("Crawl-delay: 1.5\n"));
            assertEquals(Markup.PLAIN, shop.markup());
            assertEquals(PriceFormat.EU, shop.priceFormat());
        }
    }

    @Test
    void draftsAreInTheFirstChildSitemapAndServedButNotInTheCatalogueOrUrlList() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(1_000).sitemapChildSize(400).start()) {
            List<String> drafts = shop.disallowedSitemapPaths();
            assertEquals(List.of("/drafts/p/7", "/drafts/p/107", "/drafts/p/207", "/drafts/p/307"), drafts, "1 % of a child of 400");
            byte[] gz = get(shop.baseUri().resolve("/sitemaps/products-1.xml.gz")).body();
            String first = new String(new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes(), StandardCharsets.UTF_8);
            List<String> listed = locs(first).stream().filter(u -> u.contains("/drafts/")).toList();
            assertEquals(drafts.stream().map(d -> shop.baseUri().resolve(d).toString()).toList(), listed);
            assertFalse(text(shop.baseUri().resolve("/sitemaps/products-2.xml")).contains("/drafts/"));
            for (String d : drafts) {
                long id = Long.parseLong(d.substring(d.lastIndexOf('/') + 1));
                var r = get(shop.baseUri().resolve(d));
                assertEquals(200, r.statusCode(), d);
                assertEquals(shop.catalogue().product(id).pageBytes(), r.body().length, "the product's own page");
                assertEquals(1, shop.requestsFor(d), "a test can count requests to a draft");
            }
            assertEquals(404, get(shop.baseUri().resolve("/drafts/p/8")).statusCode());
            assertEquals(404, get(shop.baseUri().resolve("/drafts/p/407")).statusCode(), "beyond the drafts the first child lists");
            assertFalse(text(shop.baseUri().resolve("/_shop/catalogue.jsonl")).contains("/drafts/"));
            assertFalse(text(shop.baseUri().resolve("/_shop/urls.txt")).contains("/drafts/"));
        }
        try (DemoShop tiny = DemoShop.builder().products(8).sitemapChildSize(3).start()) {
            assertEquals(List.of("/drafts/p/7"), tiny.disallowedSitemapPaths(), "at least one per shop of more than 7 products");
        }
        try (DemoShop none = DemoShop.builder().products(7).start()) {
            assertEquals(List.of(), none.disallowedSitemapPaths());
        }
    }

    @Test
    void listingsOfAJsonLdShopCarryAnItemListOfTheProductsTheyLink() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(600).start()) {
            String html = text(shop.baseUri().resolve("/c/garden?page=2"));
            List<String> links = new ArrayList<>();
            Matcher link = Pattern.compile("<a class=\"product-link\" href=\"/p/(\\d+)\">").matcher(html);
            while (link.find()) {
                links.add(link.group(1));
            }
            assertEquals(24, links.size());
            String ld = html.substring(html.indexOf("application/ld+json"));
            assertTrue(ld.contains("\"@type\":\"ItemList\",\"numberOfItems\":24,\"itemListElement\":[{\"@type\":\"ListItem\",\"position\":25,"), ld);
            Matcher item = Pattern.compile("\\{\"@type\":\"ListItem\",\"position\":(\\d+),\"item\":\\{\"@type\":\"Product\",\"name\":\"((?:[^\"\\\\]|\\\\.)*)\","
                    + "\"sku\":\"([^\"]+)\",\"url\":\"([^\"]+)\",\"offers\":\\{\"@type\":\"Offer\",\"price\":\"([0-9.]+)\",\"priceCurrency\":\"USD\"}}}").matcher(ld);
            int n = 0;
            while (item.find()) {
                CatalogueProduct p = shop.catalogue().product(Long.parseLong(links.get(n)));
                assertEquals(25 + n, Integer.parseInt(item.group(1)));
                assertEquals(List.of(JsonObject.escape(p.name()), p.sku(), shop.baseUri().resolve(p.path()).toString(), p.price().toPlainString()),
                        List.of(item.group(2), item.group(3), item.group(4), item.group(5)));
                assertTrue(html.contains("<a class=\"add\" href=\"/cart/add?id=" + p.id() + "\">Add to cart</a>"), "a disallowed link per item");
                n++;
            }
            assertEquals(24, n);
            assertTrue(html.contains("<a class=\"sort\" href=\"/c/garden?page=2&sort=price\">"), "a disallowed sort link");
            assertTrue(html.contains("<a rel=\"next\" class=\"next\" href=\"/c/garden?page=3\">"));
        }
        for (Markup markup : List.of(Markup.MICRODATA, Markup.PLAIN)) {
            try (DemoShop shop = DemoShop.builder().products(600).markup(markup).start()) {
                String html = text(shop.baseUri().resolve("/c/garden?page=1"));
                assertFalse(html.contains("ld+json"), markup + " listings have no JSON-LD");
                assertTrue(html.contains("class=\"product-link\"") && html.contains("rel=\"next\""));
            }
        }
    }

    private static List<String> locs(String xml) {
        List<String> locs = new ArrayList<>();
        Matcher m = Pattern.compile("<loc>([^<]+)</loc>").matcher(xml);
        while (m.find()) {
            locs.add(m.group(1));
        }
        return locs;
    }
}
