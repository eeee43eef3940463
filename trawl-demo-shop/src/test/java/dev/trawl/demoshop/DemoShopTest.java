package dev.trawl.demoshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The shop over real HTTP on loopback. */
@Timeout(60)
class DemoShopTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterAll
    static void closeClient() {
        HTTP.close();
    }

    static HttpResponse<byte[]> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(URI uri) throws Exception {
        return new String(get(uri).body(), StandardCharsets.UTF_8);
    }

    @Test
    void productPagesAre20To60KbAndTheirJsonLdCarriesTheCatalogueExactly() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(200).currency("EUR").start()) {
            int smallest = Integer.MAX_VALUE;
            int largest = 0;
            for (long id = 0; id < 200; id++) {
                CatalogueProduct p = shop.catalogue().product(id);
                HttpResponse<byte[]> r = get(shop.baseUri().resolve(p.path()));
                assertEquals(200, r.statusCode());
                assertEquals(p.pageBytes(), r.body().length, "the catalogue knows each page's exact size: " + p.path());
                smallest = Math.min(smallest, r.body().length);
                largest = Math.max(largest, r.body().length);
                String html = new String(r.body(), StandardCharsets.UTF_8);
                assertTrue(html.contains("\"price\":\"" + p.price().toPlainString() + "\",\"priceCurrency\":\"EUR\""), html);
                assertTrue(html.contains("\"sku\":\"" + p.sku() + "\""));
                assertTrue(html.contains("\"name\":\"" + JsonObject.escape(p.name()) + "\""));
            }
            assertTrue(smallest >= 20_000 && largest <= 60_000, "sizes from " + smallest + " to " + largest);
            assertTrue(largest - smallest > 30_000, "sizes spread: " + smallest + " to " + largest);
            assertEquals(404, get(shop.baseUri().resolve("/p/200")).statusCode());
        }
    }

    @Test
    void theDaySeedChangesAboutAThirdOfThePrices() {
        try (DemoShop day1 = DemoShop.builder().products(1000).start(); DemoShop day2 = DemoShop.builder().products(1000).day(2).start()) {
            int changed = 0;
            for (long id = 0; id < 1000; id++) {
                if (day1.catalogue().product(id).price().compareTo(day2.catalogue().product(id).price()) != 0) {
                    changed++;
                }
            }
            assertTrue(changed > 200 && changed < 400, "changed " + changed);
        }
    }

    @Test
    void theSitemapIndexListsEveryProductExactlyOnceAcrossPlainAndGzipChildren() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(2_500).sitemapChildSize(1_000).start()) {
            String index = text(shop.baseUri().resolve("/sitemap.xml"));
            Matcher m = Pattern.compile("<loc>([^<]+)</loc>").matcher(index);
            List<String> children = new ArrayList<>();
            while (m.find()) {
                children.add(m.group(1));
            }
            assertEquals(3, children.size());
            assertTrue(children.get(0).endsWith(".xml.gz") && children.get(1).endsWith(".xml"));
            Set<String> urls = new HashSet<>();
            int total = 0;
            List<String> drafts = new ArrayList<>();
            for (String child : children) {
                byte[] body = get(URI.create(child)).body();
                String xml = child.endsWith(".gz")
                        ? new String(new GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes(), StandardCharsets.UTF_8)
                        : new String(body, StandardCharsets.UTF_8);
                Matcher u = Pattern.compile("<loc>([^<]+)</loc>").matcher(xml);
                while (u.find()) {
                    if (u.group(1).contains("/drafts/")) {
                        drafts.add(u.group(1));
                    } else {
                        urls.add(u.group(1));
                        total++;
                    }
                }
            }
            assertEquals(2_500, total);
            assertEquals(2_500, urls.size());
            assertEquals(shop.disallowedSitemapPaths().stream().map(d -> shop.baseUri().resolve(d).toString()).toList(), drafts,
                    "the first child also lists the drafts");
            assertTrue(text(shop.baseUri().resolve("/robots.txt")).contains("Sitemap: " + shop.baseUri() + "sitemap.xml"));
        }
    }

    @Test
    void listingsPaginateAndLinkEveryProductOfTheirCategoryOnce() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(600).start()) {
            Set<String> seen = new HashSet<>();
            String next = "/c/garden?page=1";
            int pages = 0;
            while (next != null) {
                String html = text(shop.baseUri().resolve(next));
                pages++;
                Matcher m = Pattern.compile("class=\"product-link\" href=\"(/p/\\d+)\"").matcher(html);
                while (m.find()) {
                    assertTrue(seen.add(m.group(1)), "linked twice: " + m.group(1));
                }
                Matcher n = Pattern.compile("rel=\"next\" class=\"next\" href=\"([^\"]+)\"").matcher(html);
                next = n.find() ? n.group(1) : null;
            }
            assertEquals(50, seen.size(), "600 products over 12 categories");
            assertEquals(3, pages);
            for (String p : seen) {
                assertEquals("garden", shop.catalogue().product(Long.parseLong(p.substring(3))).category());
            }
        }
    }

    @Test
    void countsRequestsPerPathMaxInFlightAndTheSmallestGap() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(100).latency(Duration.ofMillis(200)).start();
             var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpResponse<byte[]>>> all = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                all.add(pool.submit(() -> get(shop.baseUri().resolve("/p/7"))));
            }
            for (Future<HttpResponse<byte[]>> f : all) {
                assertEquals(200, f.get().statusCode());
            }
            ShopCounters c = shop.counters();
            assertEquals(8, c.requests());
            assertEquals(8, c.maxInFlight());
            assertEquals(8, shop.requestsFor("/p/7"));
            assertTrue(c.minGapMicros() >= 0 && c.minGapMicros() < 200_000, "gap " + c.minGapMicros());
            String json = text(shop.baseUri().resolve("/_shop/counters?path=/p/7"));
            assertTrue(json.contains("\"maxInFlight\":8") && json.contains("\"pathRequests\":8"), json);
            assertEquals(8, shop.counters().requests(), "reading the counters is not counted");
            text(shop.baseUri().resolve("/_shop/reset"));
            assertEquals(0, shop.counters().requests());
            assertEquals(0, shop.requestsFor("/p/7"));
        }
    }

    @Test
    void fixedFaultsMisbehaveAsNamedAndRecoverAfterTimes() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(10).start()) {
            assertEquals(500, get(shop.baseUri().resolve("/fault/500")).statusCode());
            assertEquals(503, get(shop.baseUri().resolve("/fault/503")).statusCode());
            HttpResponse<byte[]> seconds = get(shop.baseUri().resolve("/fault/429?retry-after=7"));
            assertEquals(429, seconds.statusCode());
            assertEquals("7", seconds.headers().firstValue("Retry-After").orElseThrow());
            String date = get(shop.baseUri().resolve("/fault/429?retry-after=7&date=1")).headers().firstValue("Retry-After").orElseThrow();
            assertTrue(date.endsWith(" GMT"), date);
            URI twice = shop.baseUri().resolve("/fault/503?times=2&id=3");
            assertEquals(503, get(twice).statusCode());
            assertEquals(503, get(twice).statusCode());
            HttpResponse<byte[]> third = get(twice);
            assertEquals(200, third.statusCode());
            assertTrue(new String(third.body(), StandardCharsets.UTF_8).contains(shop.catalogue().product(3).sku()));
            assertEquals(3, shop.requestsFor("/fault/503?times=2&id=3"));
            assertEquals(2, shop.requestStarts("/fault/429?retry-after=7").size() + shop.requestStarts("/fault/500").size());
            HttpResponse<byte[]> loop = get(shop.baseUri().resolve("/fault/redirect-loop"));
            assertEquals(302, loop.statusCode());
            assertEquals("/fault/redirect-loop?hop=b", loop.headers().firstValue("Location").orElseThrow());
            assertEquals("/fault/redirect-loop", get(shop.baseUri().resolve("/fault/redirect-loop?hop=b")).headers().firstValue("Location").orElseThrow());
        }
    }

    @Test
    void resetHangDripAndOversizedBreakTheConnectionTheirWay() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(10).start()) {
            assertThrows(IOException.class, () -> get(shop.baseUri().resolve("/fault/reset")));
            for (String slow : List.of("/fault/hang", "/fault/drip")) {
                HttpRequest req = HttpRequest.newBuilder(shop.baseUri().resolve(slow)).build();
                HttpResponse<InputStream> r = HTTP.send(req, HttpResponse.BodyHandlers.ofInputStream());
                assertEquals(200, r.statusCode());
                var reading = Executors.newVirtualThreadPerTaskExecutor();
                Future<byte[]> body = reading.submit(() -> r.body().readAllBytes());
                assertThrows(java.util.concurrent.TimeoutException.class, () -> body.get(1500, java.util.concurrent.TimeUnit.MILLISECONDS),
                        slow + " must not complete");
                r.body().close();
                reading.shutdownNow();
            }
            HttpResponse<InputStream> big = HTTP.send(HttpRequest.newBuilder(shop.baseUri().resolve("/fault/oversized")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            long n = 0;
            try (InputStream in = big.body()) {
                byte[] buf = new byte[64 * 1024];
                for (int r; n <= 10_000_000 && (r = in.read(buf)) >= 0; ) {
                    n += r;
                }
            }
            assertTrue(n > 10_000_000, "oversized sent " + n);
            byte[] bomb = get(shop.baseUri().resolve("/fault/gzip-bomb")).body();
            assertTrue(bomb.length < 1_000_000, "the bomb is small on the wire: " + bomb.length);
            long inflated = new GZIPInputStream(new java.io.ByteArrayInputStream(bomb)).transferTo(java.io.OutputStream.nullOutputStream());
            assertEquals(100L << 20, inflated);
        }
    }

    @Test
    void faultsByRateHitTheComputedPagesOnceAndThenRecover() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(300).fault(Fault.SERVER_ERROR_500, 0.05).fault(Fault.TOO_MANY_REQUESTS_429, 0.05).start()) {
            int faulty = 0;
            for (long id = 0; id < 300; id++) {
                URI uri = shop.baseUri().resolve("/p/" + id);
                var fault = shop.faultFor("/p/" + id);
                int first = get(uri).statusCode();
                if (fault.isPresent()) {
                    faulty++;
                    assertEquals(fault.get() == Fault.SERVER_ERROR_500 ? 500 : 429, first, "/p/" + id);
                    assertEquals(200, get(uri).statusCode(), "recovers: /p/" + id);
                } else {
                    assertEquals(200, first, "/p/" + id);
                }
            }
            assertTrue(faulty > 10 && faulty < 60, "about 10 % faulty: " + faulty);
        }
    }

    @Test
    void aMillionProductsStartAtOnceAndServeTheLastOne() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(1_000_000).start()) {
            HttpResponse<byte[]> r = get(shop.baseUri().resolve("/p/999999"));
            assertEquals(200, r.statusCode());
            assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains(shop.catalogue().product(999_999).sku()));
        }
    }

    @Test
    void closeEndsEveryShopThreadEvenWithAHungConnection() throws Exception {
        DemoShop shop = DemoShop.builder().products(10).start();
        HttpRequest req = HttpRequest.newBuilder(shop.baseUri().resolve("/fault/hang")).build();
        HttpResponse<InputStream> r = HTTP.send(req, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        shop.close();
        assertEquals(List.of(), liveShopThreads());
        assertThrows(IOException.class, () -> r.body().readAllBytes());
    }

    @Test
    void badSettingsAreRefusedWithTheFieldNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DemoShop.builder().products(0).start());
        assertTrue(e.getMessage().startsWith("products must be between 1 and"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DemoShop.builder().fault(Fault.HANG, 2).start());
    }

    private static List<String> liveShopThreads() throws Exception {
        var file = java.nio.file.Files.createTempFile("threads", ".json");
        java.nio.file.Files.delete(file);
        java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                .dumpThreads(file.toString(), com.sun.management.HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
        String dump = java.nio.file.Files.readString(file);
        java.nio.file.Files.delete(file);
        List<String> live = new ArrayList<>();
        Matcher m = Pattern.compile("\"name\": \"(demo-shop-[^\"]*)\"").matcher(dump);
        while (m.find()) {
            live.add(m.group(1));
        }
        return live;
    }
}
