package dev.trawl.demoshop;

import static dev.trawl.demoshop.ShopHttp.get;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** ETag, Last-Modified and 304 Not Modified, over real HTTP on loopback. */
@Timeout(60)
class ConditionalRequestTest {
    private static final Pattern STRONG_ETAG = Pattern.compile("\"[0-9a-f]{16}\"");
    private static final Pattern IMF_FIXDATE =
            Pattern.compile("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d\\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d\\d:\\d\\d:\\d\\d GMT");

    private static String etag(HttpResponse<?> r) {
        return r.headers().firstValue("ETag").orElse(null);
    }

    private static String lastModified(HttpResponse<?> r) {
        return r.headers().firstValue("Last-Modified").orElse(null);
    }

    @Test
    void productAndListingPagesCarryAStrongEtagAndALastModifiedThatStayTheSame() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(600).start()) {
            Set<String> etags = new HashSet<>();
            for (String path : List.of("/p/0", "/p/1", "/p/599", "/c/kitchen?page=1", "/c/kitchen?page=2", "/c/garden?page=1")) {
                URI uri = shop.baseUri().resolve(path);
                HttpResponse<byte[]> first = get(uri);
                HttpResponse<byte[]> second = get(uri);
                assertEquals(200, first.statusCode(), path);
                assertTrue(STRONG_ETAG.matcher(etag(first)).matches(), path + ": " + etag(first));
                assertTrue(IMF_FIXDATE.matcher(lastModified(first)).matches(), path + ": " + lastModified(first));
                int year = ZonedDateTime.parse(lastModified(first), DateTimeFormatter.RFC_1123_DATE_TIME).getYear();
                assertTrue(year >= 2022 && year <= 2024, lastModified(first));
                assertArrayEquals(first.body(), second.body(), path);
                assertEquals(etag(first), etag(second), path);
                assertEquals(lastModified(first), lastModified(second), path);
                assertTrue(etags.add(etag(first)), "pages differ, so do their ETags: " + path);
            }
            for (String path : List.of("/", "/robots.txt", "/sitemap.xml", "/fault/500?times=0")) {
                assertNull(etag(get(shop.baseUri().resolve(path))), "only product and listing pages: " + path);
            }
        }
    }

    @Test
    void aMatchingEtagOrExactLastModifiedGets304WithTheEtagAndNoBodyAndIsCounted() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(20).start()) {
            URI uri = shop.baseUri().resolve("/p/7");
            HttpResponse<byte[]> page = get(uri);
            String etag = etag(page);
            String lastModified = lastModified(page);
            for (String[] headers : List.of(
                    new String[] {"If-None-Match", etag},
                    new String[] {"If-None-Match", "W/" + etag},
                    new String[] {"If-None-Match", "\"0000000000000000\", " + etag},
                    new String[] {"If-None-Match", "*"},
                    new String[] {"If-Modified-Since", lastModified})) {
                HttpResponse<byte[]> r = get(uri, headers);
                assertEquals(304, r.statusCode(), String.join(": ", headers));
                assertEquals(0, r.body().length);
                assertEquals(etag, etag(r));
            }
            assertEquals(5, shop.counters().notModified());
            assertTrue(ShopHttp.text(shop.baseUri().resolve("/_shop/counters")).contains("\"notModified\":5"));

            String oneSecondLater = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME).plusSeconds(1));
            assertEquals(200, get(uri, "If-Modified-Since", oneSecondLater).statusCode(), "only the exact date matches");
            assertEquals(200, get(uri, "If-None-Match", "\"0000000000000000\"", "If-Modified-Since", lastModified).statusCode(),
                    "If-None-Match decides when both are sent");
            HttpResponse<byte[]> other = get(shop.baseUri().resolve("/p/8"), "If-None-Match", etag);
            assertEquals(200, other.statusCode(), "another page's ETag");
            assertEquals(5, shop.counters().notModified());

            shop.resetCounters();
            assertEquals(0, shop.counters().notModified());
        }
    }

    @Test
    void aListingAnswers304Too() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(100).start()) {
            URI uri = shop.baseUri().resolve("/c/office?page=1");
            String etag = etag(get(uri));
            assertEquals(304, get(uri, "If-None-Match", etag).statusCode());
            assertEquals(1, shop.counters().notModified());
        }
    }

    @Test
    void onTheNextDayAChangedPriceGivesANewPageAndEtagAndAnUnchangedPage304() throws Exception {
        int products = 60;
        String[] etags = new String[products];
        String[] lastModified = new String[products];
        int port;
        Catalogue yesterday;
        try (DemoShop day1 = DemoShop.builder().products(products).start()) {
            port = day1.baseUri().getPort();
            yesterday = day1.catalogue();
            for (int id = 0; id < products; id++) {
                HttpResponse<byte[]> r = get(day1.baseUri().resolve("/p/" + id));
                etags[id] = etag(r);
                lastModified[id] = lastModified(r);
            }
        }
        try (DemoShop day2 = DemoShop.builder().products(products).day(2).port(port).start()) {
            int changed = 0;
            for (int id = 0; id < products; id++) {
                CatalogueProduct before = yesterday.product(id);
                CatalogueProduct now = day2.catalogue().product(id);
                URI uri = day2.baseUri().resolve("/p/" + id);
                HttpResponse<byte[]> r = get(uri, "If-None-Match", etags[id]);
                if (before.price().compareTo(now.price()) == 0) {
                    assertEquals(304, r.statusCode(), "unchanged " + uri);
                    assertEquals(etags[id], etag(r));
                    assertEquals(304, get(uri, "If-Modified-Since", lastModified[id]).statusCode(), "unchanged " + uri);
                } else {
                    changed++;
                    assertEquals(200, r.statusCode(), "new price " + uri);
                    assertNotEquals(etags[id], etag(r));
                    assertNotEquals(lastModified[id], lastModified(r));
                    assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("\"price\":\"" + now.price().toPlainString() + "\""));
                    assertEquals(200, get(uri, "If-Modified-Since", lastModified[id]).statusCode(), "new price " + uri);
                }
            }
            assertTrue(changed > 5 && changed < products - 5, "about 30 % of prices change, here " + changed);
            assertEquals(2L * (products - changed), day2.counters().notModified());
        }
    }

    @Test
    void anEncodedPageHasAnEtagOfItsOwn() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(10).compression(true).start()) {
            URI uri = shop.baseUri().resolve("/p/3");
            String identity = etag(get(uri));
            HttpResponse<byte[]> gzip = get(uri, "Accept-Encoding", "gzip");
            assertEquals("gzip", gzip.headers().firstValue("Content-Encoding").orElseThrow());
            assertEquals(identity.replace("\"", "") + "-gzip", etag(gzip).replace("\"", ""));
            assertEquals(lastModified(get(uri)), lastModified(gzip), "one page, one modification time");
            HttpResponse<byte[]> notModified = get(uri, "Accept-Encoding", "gzip", "If-None-Match", etag(gzip));
            assertEquals(304, notModified.statusCode());
            assertEquals("Accept-Encoding", notModified.headers().firstValue("Vary").orElseThrow());
            assertEquals(200, get(uri, "Accept-Encoding", "gzip", "If-None-Match", identity).statusCode(),
                    "the identity page's ETag does not validate the gzip one");
        }
    }

    @Test
    void withoutConditionalPagesCarryNoValidatorsAndNever304() throws Exception {
        List<DemoShop> shops = DemoShopMain.start(new String[] {"--products", "10", "--address", "127.0.0.1", "--no-conditional"});
        try (DemoShop viaMain = shops.getFirst(); DemoShop viaBuilder = DemoShop.builder().products(10).conditional(false).start()) {
            for (DemoShop shop : List.of(viaMain, viaBuilder)) {
                for (String path : List.of("/p/1", "/c/kitchen?page=1")) {
                    HttpResponse<byte[]> r = get(shop.baseUri().resolve(path), "If-None-Match", "*");
                    assertEquals(200, r.statusCode(), path);
                    assertTrue(r.headers().firstValue("ETag").isEmpty(), path);
                    assertTrue(r.headers().firstValue("Last-Modified").isEmpty(), path);
                }
                assertEquals(0, shop.counters().notModified());
            }
        }
    }
}
