package dev.trawl.demoshop;

import static dev.trawl.demoshop.ShopHttp.get;
import static dev.trawl.demoshop.ShopHttp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Markup#JS} shops and mixed ones ({@link DemoShop.Builder#jsShare(int)}): app shells with no
 * product in their HTML, the API their script fetches, which products get a shell, and the counters
 * of pages and API calls. That the script builds the page in a browser is checked by trawl-render's
 * tests against a real Chromium; here the shop is read over plain HTTP.
 */
@Timeout(60)
class JsShopTest {

    static DemoShop jsShop(PriceFormat format, String currency) {
        return DemoShop.builder().products(300).markup(Markup.JS).priceFormat(format).currency(currency).start();
    }

    @Test
    void aShellHasTheHeadNavAnEmptyAppAndAScriptButNoProductInAnyFormTrawlReads() throws Exception {
        for (PriceFormat format : PriceFormat.values()) {
            try (DemoShop shop = jsShop(format, format == PriceFormat.US ? "USD" : "EUR")) {
                assertEquals(100, shop.jsShare());
                assertEquals(300, shop.jsProductIds().size());
                for (long id = 0; id < 60; id++) {
                    CatalogueProduct p = shop.catalogue().product(id);
                    HttpResponse<byte[]> r = get(shop.baseUri().resolve(p.path()));
                    assertEquals(200, r.statusCode());
                    assertEquals("text/html; charset=utf-8", r.headers().firstValue("content-type").orElse(""));
                    String html = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
                    String url = shop.baseUri().resolve(p.path()).toString();
                    assertTrue(html.contains("<title>Demo Shop</title>") && html.contains("<meta name=\"viewport\"")
                            && html.contains("<link rel=\"canonical\" href=\"" + url + "\">"), p.path());
                    assertTrue(html.contains("<nav><ul class=\"menu\">") && html.contains("<div id=\"app\"></div>"), p.path());
                    assertTrue(html.contains("\"api\":\"/api/products/" + id + ".json\",\"renderDelayMs\":200") && html.contains("setTimeout("), p.path());
                    for (String machine : List.of("ld+json", "itemprop", "itemscope", "og:", "product:price",
                            "class=\"price-now\"", "class=\"product-title\"", "<h1")) {
                        assertFalse(html.contains(machine), p.path() + " has " + machine); // the bundle names the classes it builds, as bundles do
                    }
                    for (String value : List.of(format.format(p.price(), p.currency()), p.price().toPlainString(), p.sku(), p.gtin13(),
                            Pages.html(p.name()), p.name())) {
                        assertFalse(html.contains(value), p.path() + " has " + value);
                    }
                    assertFalse(html.matches("(?s).*[$€£]\\s?\\d.*|.*\\d\\u00A0[$€£].*"), p.path() + ": no price text");
                    assertTrue(r.body().length > 8_000 && r.body().length < 20_000, p.path() + ": a shell of a few KB, " + r.body().length);
                }
            }
        }
    }

    @Test
    void theApiCarriesTheCatalogueLineTheTextsShownAndTheJsonLdOfAJsonLdPage() throws Exception {
        try (DemoShop shop = jsShop(PriceFormat.EU, "EUR")) {
            String base = shop.baseUri().toString().replaceAll("/$", "");
            int groups = 0;
            int sales = 0;
            for (long id = 0; id < 80; id++) {
                CatalogueProduct p = shop.catalogue().product(id);
                HttpResponse<byte[]> r = get(shop.baseUri().resolve("/api/products/" + id + ".json"));
                assertEquals(200, r.statusCode());
                assertEquals("application/json", r.headers().firstValue("content-type").orElse(""));
                String json = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
                String line = shop.expectedLine(id);
                assertTrue(json.startsWith(line.substring(0, line.length() - 1) + ",\"id\":" + id + ",\"view\":{"), json);
                assertTrue(json.contains("\"view\":{\"price\":\"" + PriceFormat.EU.format(p.price(), "EUR") + "\""), json);
                assertEquals(p.listPrice() != null, json.contains("\"list_price\":\"" + (p.listPrice() == null ? "" : PriceFormat.EU.format(p.listPrice(), "EUR")) + "\""));
                assertTrue(json.contains("\"stock\":\"" + ProductBox.stockText(p.availabilityTerm()) + "\""), json);
                assertEquals(ProductJsonLd.product(p, base + p.path(), shop.catalogue().seller()).toString(), jsonLdOf(shop, id), p.path());
                for (CatalogueVariant v : p.variants()) {
                    assertTrue(json.contains("{\"sku\":\"" + v.sku() + "\",\"size\":\"" + v.size() + "\",\"label\":\"" + v.size() + " \u2013 "
                            + PriceFormat.EU.format(v.price(), "EUR") + "\"}"), json);
                }
                groups += p.isGroup() ? 1 : 0;
                sales += p.listPrice() != null ? 1 : 0;
            }
            assertTrue(groups > 3 && sales > 3, "a JS shop has product groups (as a JSON-LD one) and sales: " + groups + ", " + sales);
            assertEquals(404, get(shop.baseUri().resolve("/api/products/300.json")).statusCode());
            assertEquals(404, get(shop.baseUri().resolve("/api/products/x.json")).statusCode());
            assertEquals(404, get(shop.baseUri().resolve("/api/products/99999999999999999999.json")).statusCode());
            assertEquals(404, get(shop.baseUri().resolve("/api/products/7")).statusCode());
        }
    }

    @Test
    void aJsShopsCatalogueListingsAndSitemapsAreAJsonLdShopsAndItsApiAnswersConditionally() throws Exception {
        try (DemoShop js = jsShop(PriceFormat.US, "USD"); DemoShop ld = MarkupTest.shop(Markup.JSON_LD, PriceFormat.US, "USD")) {
            assertEquals(sameBase(ld, text(ld.baseUri().resolve("/_shop/catalogue.jsonl"))), sameBase(js, text(js.baseUri().resolve("/_shop/catalogue.jsonl"))));
            for (String path : List.of("/c/kitchen?page=1", "/c/pets?page=2", "/sitemaps/products-1.xml", "/robots.txt", "/")) {
                assertEquals(sameBase(ld, text(ld.baseUri().resolve(path))), sameBase(js, text(js.baseUri().resolve(path))), path);
            }
            assertTrue(text(js.baseUri().resolve("/c/kitchen?page=1")).contains("<a class=\"product-link\" href=\"/p/12\">"), "listings link the products");
            HttpResponse<byte[]> first = get(js.baseUri().resolve("/api/products/5.json"));
            String etag = first.headers().firstValue("etag").orElseThrow();
            assertEquals(304, get(js.baseUri().resolve("/api/products/5.json"), "If-None-Match", etag).statusCode());
            assertTrue(text(js.baseUri().resolve(js.disallowedSitemapPaths().getFirst())).contains("<div id=\"app\"></div>"), "a JS product's draft is a shell too");
        }
    }

    @Test
    void aMixedShopsJsShareIsDeterministicCloseToItsPercentageAndOnlyThoseGetAShell() throws Exception {
        List<Long> ids;
        try (DemoShop shop = DemoShop.builder().products(5_000).markup(Markup.JSON_LD).jsShare(30).start()) {
            ids = shop.jsProductIds();
            assertEquals(30, shop.jsShare());
            assertTrue(Math.abs(ids.size() - 1_500) < 100, ids.size() + " of 5000 at 30 %");
            for (long id = 0; id < 5_000; id++) {
                assertEquals(ids.contains(id), shop.isJs(id), "id " + id);
            }
            for (long id = 0; id < 60; id++) {
                String html = MarkupTest.page(shop, id);
                assertEquals(!shop.isJs(id), html.contains("application/ld+json") && html.contains("class=\"price-now\""), "id " + id);
                assertEquals(shop.isJs(id), html.contains("<div id=\"app\"></div>"), "id " + id);
            }
            try (DemoShop plain = DemoShop.builder().products(5_000).markup(Markup.JSON_LD).start()) {
                assertEquals(sameBase(plain, text(plain.baseUri().resolve("/_shop/catalogue.jsonl"))),
                        sameBase(shop, text(shop.baseUri().resolve("/_shop/catalogue.jsonl"))), "the catalogue marks nothing differently");
                assertTrue(plain.jsProductIds().isEmpty() && !plain.isJs(ids.getFirst()));
            }
        }
        try (DemoShop again = DemoShop.builder().products(5_000).markup(Markup.JS).jsShare(30).start();
             DemoShop other = DemoShop.builder().products(5_000).site(2).markup(Markup.JSON_LD).jsShare(30).start()) {
            assertEquals(ids, again.jsProductIds(), "the same ids each time, whether markup JS or JSON_LD");
            assertFalse(ids.equals(other.jsProductIds()), "another site has other ids");
        }
        try (DemoShop all = DemoShop.builder().products(100).markup(Markup.JSON_LD).jsShare(100).start();
             DemoShop none = DemoShop.builder().products(100).markup(Markup.JS).jsShare(0).start()) {
            assertEquals(100, all.jsProductIds().size());
            assertTrue(none.jsProductIds().isEmpty() && MarkupTest.page(none, 3).contains("application/ld+json"));
        }
    }

    @Test
    void countersTellServerRenderedPagesFromShellsAndCountApiCalls() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(200).jsShare(40).start()) {
            List<Long> js = new ArrayList<>();
            for (long id = 0; id < 50; id++) {
                assertEquals(200, get(shop.baseUri().resolve("/p/" + id)).statusCode());
                if (shop.isJs(id)) {
                    js.add(id);
                    // as a browser running the shell's script does
                    assertEquals(200, get(shop.baseUri().resolve("/api/products/" + id + ".json")).statusCode());
                }
            }
            assertTrue(js.size() > 10 && js.size() < 30, js.toString());
            get(shop.baseUri().resolve("/api/products/" + js.getFirst() + ".json"));
            ShopCounters c = shop.counters();
            assertEquals(50, c.productPages());
            assertEquals(js.size(), c.jsPages());
            assertEquals(50 - js.size(), c.serverPages());
            assertEquals(js.size() + 1, c.apiRequests());
            assertEquals(50 + js.size() + 1, c.requests());
            for (long id = 0; id < 50; id++) {
                assertEquals(1, shop.requestsFor("/p/" + id), "every page fetched once");
                long api = shop.isJs(id) ? (id == js.getFirst() ? 2 : 1) : 0;
                assertEquals(api, shop.apiRequestsFor(id), "id " + id);
                assertEquals(api, shop.requestsFor("/api/products/" + id + ".json"), "id " + id);
            }
            assertEquals(2, shop.requestStarts("/api/products/" + js.getFirst() + ".json").size());
            String json = text(shop.baseUri().resolve("/_shop/counters"));
            assertTrue(json.contains("\"productPages\":50,\"serverPages\":" + (50 - js.size()) + ",\"jsPages\":" + js.size()
                    + ",\"apiRequests\":" + (js.size() + 1)), json);
            String one = text(shop.baseUri().resolve("/_shop/counters?path=/api/products/" + js.getFirst() + ".json"));
            assertTrue(one.contains("\"pathRequests\":2"), one);
            String paths = text(shop.baseUri().resolve("/_shop/counters?paths=1"));
            assertTrue(paths.contains("\"/api/products/" + js.getFirst() + ".json\":2"), paths);
            text(shop.baseUri().resolve("/_shop/reset"));
            c = shop.counters();
            assertEquals(0, c.productPages() + c.jsPages() + c.apiRequests());
            assertEquals(0, shop.apiRequestsFor(js.getFirst()));
        }
    }

    @Test
    void apiRequestsAreInFlightAndDelayedAsEveryRequestIs() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(50).markup(Markup.JS).latency(Duration.ofMillis(200)).start();
             var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpResponse<byte[]>>> all = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int id = i;
                all.add(pool.submit(() -> get(shop.baseUri().resolve("/api/products/" + id + ".json"))));
            }
            for (Future<HttpResponse<byte[]>> f : all) {
                assertEquals(200, f.get().statusCode());
            }
            ShopCounters c = shop.counters();
            assertEquals(6, c.apiRequests());
            assertEquals(6, c.maxInFlight());
            assertEquals(0, c.inFlight());
            assertEquals(6L, c.byStatus().get(200));
        }
    }

    @Test
    void theBuilderAndTheCommandLineTakeTheMarkupTheDelayAndTheShare() {
        assertThrows(IllegalArgumentException.class, () -> DemoShop.builder().products(10).jsShare(101).start());
        assertThrows(IllegalArgumentException.class, () -> DemoShop.builder().products(10).jsShare(-1).start());
        assertThrows(IllegalArgumentException.class, () -> DemoShop.builder().products(10).markup(Markup.MICRODATA).jsShare(10).start());
        assertThrows(IllegalArgumentException.class, () -> DemoShop.builder().products(10).markup(Markup.JS).renderDelay(Duration.ofMillis(-1)).start());
        List<DemoShop> shops = DemoShopMain.start(new String[] {"--address", "127.0.0.1", "--products", "40", "--markup", "js",
                "--render-delay", "750ms", "--js-share", "40"});
        try (DemoShop shop = shops.getFirst()) {
            assertEquals(Markup.JS, shop.markup());
            assertEquals(40, shop.jsShare());
            assertEquals(Duration.ofMillis(750), shop.renderDelay());
            long id = shop.jsProductIds().getFirst();
            assertTrue(text(shop.baseUri().resolve("/p/" + id)).contains("\"renderDelayMs\":750"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        try (DemoShop shop = DemoShopMain.start(new String[] {"--address", "127.0.0.1", "--products", "10", "--markup", "js"}).getFirst()) {
            assertEquals(100, shop.jsShare());
            assertEquals(Duration.ofMillis(200), shop.renderDelay());
        }
        assertTrue(DemoShopMain.USAGE.contains("--markup KIND") && DemoShopMain.USAGE.contains("js")
                && DemoShopMain.USAGE.contains("--render-delay") && DemoShopMain.USAGE.contains("--js-share"));
    }

    /** The text of the Product JSON-LD that product {@code id}'s script attaches, as the API serves it. */
    static String jsonLdOf(DemoShop shop, long id) throws Exception {
        String json = text(shop.baseUri().resolve("/api/products/" + id + ".json"));
        String key = ",\"json_ld\":\"";
        int at = json.indexOf(key);
        assertTrue(at > 0 && json.endsWith("\"}"), json);
        return unescape(json.substring(at + key.length(), json.length() - 2));
    }

    /** A JSON string's content as the text it stands for (the escapes {@link JsonObject#escape} writes). */
    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            if (e == 'u') {
                out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                i += 4;
            } else {
                out.append(e);
            }
        }
        return out.toString();
    }

    /** A shop's text with its own base URL written as {@code BASE}, to compare two shops' documents. */
    private static String sameBase(DemoShop shop, String text) {
        return text.replace(shop.baseUri().toString().replaceAll("/$", ""), "BASE");
    }
}
