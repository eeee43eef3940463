package dev.trawl.demoshop;

import static dev.trawl.demoshop.ShopHttp.get;
import static dev.trawl.demoshop.ShopHttp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each markup's product pages over HTTP, and the catalogue.jsonl lines that say what they state. */
@Timeout(60)
class MarkupTest {
    private static final Pattern JSON_FIELD = Pattern.compile("\"([a-z_]+)\":(\"(?:[^\"\\\\]|\\\\.)*\"|[0-9.]+|\\[[^\\]]*\\])");

    static DemoShop shop(Markup markup, PriceFormat format, String currency) {
        return DemoShop.builder().products(300).markup(markup).priceFormat(format).currency(currency).start();
    }

    static String page(DemoShop shop, long id) throws Exception {
        return text(shop.baseUri().resolve("/p/" + id));
    }

    @ParameterizedTest
    @EnumSource(value = Markup.class, names = "JS", mode = EnumSource.Mode.EXCLUDE) // JS pages: JsShopTest
    void eachMarkupServesItsStructuredDataAndNoOther(Markup markup) throws Exception {
        try (DemoShop shop = shop(markup, PriceFormat.US, "USD")) {
            for (long id = 0; id < 40; id++) {
                String html = page(shop, id);
                assertEquals(markup == Markup.JSON_LD, html.contains("application/ld+json"), markup + " " + id);
                assertEquals(markup == Markup.JSON_LD, html.contains("product:price"), markup + " " + id);
                assertEquals(markup == Markup.MICRODATA, html.contains("itemprop"), markup + " " + id);
                assertEquals(markup != Markup.PLAIN, html.contains("og:"), markup + " " + id);
                assertTrue(html.contains("<h1 class=\"product-title\"") && html.contains("<span class=\"price-now\">"), "every markup shows the box");
            }
        }
    }

    @Test
    void pagesAreExactlyTheirCatalogueSizeInEveryMarkupAndPriceFormat() throws Exception {
        for (Markup markup : List.of(Markup.JSON_LD, Markup.MICRODATA, Markup.PLAIN)) { // a JS page's shell is not (JsShopTest)
            for (PriceFormat format : PriceFormat.values()) {
                try (DemoShop shop = shop(markup, format, "EUR")) {
                    for (long id = 0; id < 300; id += 11) {
                        CatalogueProduct p = shop.catalogue().product(id);
                        HttpResponse<byte[]> r = get(shop.baseUri().resolve(p.path()));
                        assertEquals(p.pageBytes(), r.body().length, markup + " " + format + " " + p.path());
                    }
                }
            }
        }
    }

    @Test
    void euPricesUsePointThousandsCommaDecimalsAndTheSymbolAfterANoBreakSpaceWhileMachineValuesStayPlain() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(300).day(2).markup(Markup.PLAIN).priceFormat(PriceFormat.EU).currency("EUR").start()) {
            int thousands = 0;
            for (long id = 0; id < 300; id++) {
                CatalogueProduct p = shop.catalogue().product(id);
                String html = page(shop, id);
                assertTrue(html.contains("<span class=\"price-now\">" + String.format(Locale.GERMANY, "%,.2f", p.price()) + "\u00A0€</span>"), p.path());
                if (p.listPrice() != null) {
                    String was = String.format(Locale.GERMANY, "%,.2f", p.listPrice());
                    assertTrue(html.contains("<del class=\"price-was\">" + was + "\u00A0€</del>"), p.path());
                    thousands += was.contains(".") ? 1 : 0;
                }
            }
            assertTrue(thousands > 0, "some prices have thousands");
        }
        try (DemoShop shop = shop(Markup.MICRODATA, PriceFormat.EU, "EUR")) {
            CatalogueProduct p = shop.catalogue().product(42);
            assertTrue(page(shop, 42).contains("<meta itemprop=\"price\" content=\"" + p.price().toPlainString() + "\">"), "machine values stay plain");
        }
        try (DemoShop shop = DemoShop.builder().products(300).day(2).start()) {
            for (long id = 0; id < 300; id++) {
                CatalogueProduct p = shop.catalogue().product(id);
                String html = page(shop, id);
                assertTrue(html.contains("<span class=\"price-now\">$" + String.format(Locale.US, "%,.2f", p.price()) + "</span>"), p.path());
                assertTrue(html.contains("\"price\":\"" + p.price().toPlainString() + "\""), p.path());
            }
        }
    }

    @Test
    void aProductGroupStatesItsThreeVariantsInJsonLd() throws Exception {
        try (DemoShop shop = shop(Markup.JSON_LD, PriceFormat.US, "USD")) {
            int groups = 0;
            for (long id = 0; id < 100; id++) {
                CatalogueProduct p = shop.catalogue().product(id);
                String html = page(shop, id);
                if (!p.isGroup()) {
                    assertTrue(html.contains("\"@type\":\"Product\",\"name\":") && !html.contains("hasVariant"), p.path());
                    continue;
                }
                groups++;
                assertTrue(html.contains("\"@type\":\"ProductGroup\",\"name\":\"" + JsonObject.escape(p.name()) + "\",\"sku\":\"" + p.sku()
                        + "\",\"productGroupID\":\"" + p.sku() + "\""), p.path());
                assertTrue(html.contains("\"variesBy\":[\"https://schema.org/size\"],\"hasVariant\":[{"), p.path());
                for (CatalogueVariant v : p.variants()) {
                    assertTrue(html.contains("{\"@type\":\"Product\",\"sku\":\"" + v.sku() + "\",\"name\":\"" + JsonObject.escape(v.name())
                            + "\",\"size\":\"" + v.size() + "\",\"offers\":{\"@type\":\"Offer\",\"price\":\"" + v.price().toPlainString()
                            + "\",\"priceCurrency\":\"USD\",\"availability\":\"" + v.availability() + "\"}}"), v.sku());
                }
            }
            assertTrue(groups >= 5, "groups among the first 100: " + groups);
        }
    }

    @ParameterizedTest
    @EnumSource(Markup.class)
    void catalogueLinesStateWhatTheirPagesShow(Markup markup) throws Exception {
        try (DemoShop shop = shop(markup, PriceFormat.EU, "GBP")) {
            String[] lines = text(shop.baseUri().resolve("/_shop/catalogue.jsonl")).split("\n");
            assertEquals(300, lines.length);
            String base = shop.baseUri().toString().replaceAll("/$", "");
            boolean sale = false;
            boolean rated = false;
            boolean unrated = false;
            boolean group = false;
            for (long id = 0; id < 60; id++) {
                CatalogueProduct p = shop.catalogue().product(id);
                Map<String, String> line = fields(lines[(int) id]);
                // a JS page states in the browser what a JSON-LD page states: its shell (canonical link) and the JSON-LD its script attaches
                String html = markup == Markup.JS ? page(shop, id) + "\n<script type=\"application/ld+json\">" + JsShopTest.jsonLdOf(shop, id)
                        : page(shop, id);
                assertEquals(quoted(base + p.path()), line.get("url"));
                assertTrue(line.keySet().containsAll(List.of("url", "name", "brand", "sku", "price", "currency", "availability", "images")), line.toString());
                assertEquals(quoted(JsonObject.escape(p.name())), line.get("name"));
                assertEquals(p.price().toPlainString(), line.get("price"), "a JSON number written exactly");
                assertEquals(quoted(p.availabilityTerm()), line.get("availability"));
                sale |= line.containsKey("list_price");
                rated |= line.containsKey("rating");
                unrated |= !line.containsKey("rating");
                group |= line.containsKey("offers");
                switch (markup) {
                    case JSON_LD, JS -> jsonLdStates(html, p, line);
                    case MICRODATA -> microdataStates(html, p, line);
                    case PLAIN -> plainShows(html, p, line);
                }
            }
            assertTrue(rated && unrated && (sale || markup == Markup.MICRODATA) && (group || markup == Markup.MICRODATA || markup == Markup.PLAIN),
                    "ids cover the cases");
        }
    }

    private static void jsonLdStates(String html, CatalogueProduct p, Map<String, String> line) {
        String ld = html.substring(html.indexOf("application/ld+json"));
        assertEquals(line.get("url"), line.get("canonical_url"));
        assertTrue(ld.contains("\"url\":" + line.get("url")) && html.contains("<link rel=\"canonical\" href=" + line.get("url") + ">"));
        assertTrue(ld.contains("\"sku\":" + line.get("sku")) && ld.contains("\"gtin13\":" + line.get("gtin")));
        assertTrue(ld.contains("\"brand\":{\"@type\":\"Brand\",\"name\":" + line.get("brand") + "}"));
        assertTrue(ld.contains("\"image\":" + line.get("images")) && ld.contains("\"category\":\"" + unarray(line.get("category")) + "\""));
        assertTrue(ld.contains("\"price\":\"" + line.get("price") + "\",\"priceCurrency\":" + line.get("currency")));
        assertTrue(ld.contains("\"availability\":\"https://schema.org/" + unquoted(line.get("availability")) + "\""));
        assertEquals(line.containsKey("list_price"), ld.contains("\"priceType\":\"https://schema.org/ListPrice\",\"price\":\"" + line.get("list_price") + "\""));
        assertEquals(line.containsKey("rating"), ld.contains("\"ratingValue\":" + line.get("rating") + ",\"reviewCount\":" + line.get("review_count")));
        assertEquals(p.isGroup(), line.containsKey("offers"));
        assertEquals(!p.isGroup(), line.containsKey("condition") && ld.contains("\"itemCondition\":\"https://schema.org/NewCondition\""));
        assertEquals(!p.isGroup(), line.containsKey("seller") && ld.contains("\"seller\":{\"@type\":\"Organization\",\"name\":" + line.get("seller") + "}"));
        if (p.isGroup()) {
            Matcher offer = Pattern.compile("\\{\"sku\":(\"[^\"]+\"),\"name\":(\"(?:[^\"\\\\]|\\\\.)*\"),\"price\":([0-9.]+),\"currency\":(\"[A-Z]+\"),\"availability\":\"(\\w+)\"}")
                    .matcher(line.get("offers"));
            int n = 0;
            while (offer.find()) {
                n++;
                assertTrue(ld.contains("\"sku\":" + offer.group(1) + ",\"name\":" + offer.group(2)));
                assertTrue(ld.contains("\"price\":\"" + offer.group(3) + "\",\"priceCurrency\":" + offer.group(4)
                        + ",\"availability\":\"https://schema.org/" + offer.group(5) + "\""));
            }
            assertEquals(3, n, line.get("offers"));
        }
    }

    private static void microdataStates(String html, CatalogueProduct p, Map<String, String> line) {
        assertFalse(line.containsKey("list_price") || line.containsKey("category") || line.containsKey("condition")
                || line.containsKey("seller") || line.containsKey("offers"), line.toString());
        assertTrue(html.contains("<meta property=\"og:url\" content=" + line.get("canonical_url") + ">"), line.toString());
        assertTrue(html.contains("itemprop=\"name\">" + Pages.html(p.name()) + "</h1>"));
        assertTrue(html.contains("itemprop=\"brand\" itemscope itemtype=\"https://schema.org/Brand\"><span itemprop=\"name\">"
                + Pages.html(unquoted(line.get("brand"))) + "</span>"));
        assertTrue(html.contains("<span itemprop=\"sku\">" + unquoted(line.get("sku")) + "</span>"));
        assertTrue(html.contains("<meta itemprop=\"gtin13\" content=" + line.get("gtin") + ">"));
        assertTrue(html.contains("<img itemprop=\"image\" src=\"" + unarray(line.get("images")) + "\""));
        assertTrue(html.contains("itemprop=\"offers\" itemscope itemtype=\"https://schema.org/Offer\""));
        assertTrue(html.contains("<meta itemprop=\"price\" content=\"" + line.get("price") + "\"><meta itemprop=\"priceCurrency\" content="
                + line.get("currency") + "><link itemprop=\"availability\" href=\"https://schema.org/" + unquoted(line.get("availability")) + "\">"));
        assertEquals(line.containsKey("rating"), html.contains("itemprop=\"aggregateRating\" itemscope itemtype=\"https://schema.org/AggregateRating\">"
                + "<span class=\"rating-value\" itemprop=\"ratingValue\">" + line.get("rating") + "</span>"));
        assertEquals(line.containsKey("review_count"), html.contains("itemprop=\"reviewCount\">" + line.get("review_count") + "</span>"));
        assertFalse(html.contains("price-was"), "microdata states no list price, so its page shows none");
    }

    private static void plainShows(String html, CatalogueProduct p, Map<String, String> line) {
        assertFalse(line.containsKey("gtin") || line.containsKey("condition") || line.containsKey("seller") || line.containsKey("canonical_url")
                || line.containsKey("offers"), line.toString());
        assertTrue(html.contains("<h1 class=\"product-title\">" + Pages.html(p.name()) + "</h1>"));
        assertTrue(html.contains("<span class=\"product-sku\">SKU: " + unquoted(line.get("sku")) + "</span>"));
        assertTrue(html.contains("<div class=\"product-brand\">" + Pages.html(unquoted(line.get("brand"))) + "</div>"));
        assertEquals("\"GBP\"", line.get("currency"));
        String price = PriceFormat.EU.format(new BigDecimal(line.get("price")), "GBP");
        assertTrue(price.endsWith("\u00A0£"));
        if (line.containsKey("list_price")) {
            String was = PriceFormat.EU.format(new BigDecimal(line.get("list_price")), "GBP");
            assertTrue(html.contains("<div class=\"price-box\"><del class=\"price-was\">" + was + "</del> <span class=\"price-now\">" + price + "</span></div>"));
        } else {
            assertTrue(html.contains("<div class=\"price-box\"><span class=\"price-now\">" + price + "</span></div>"));
        }
        assertTrue(html.contains("<span class=\"stock\">" + ProductBox.stockText(unquoted(line.get("availability"))) + "</span>"));
        assertTrue(html.contains("<div class=\"gallery\"><img src=\"" + unarray(line.get("images")) + "\""));
        assertTrue(html.contains("<li><a href=\"/c/" + p.category() + "?page=1\">" + unarray(line.get("category")) + "</a></li>"));
        assertEquals(line.containsKey("rating"), html.contains("<span class=\"rating-value\">" + line.get("rating") + "</span> out of 5, "
                + "<span class=\"review-count\">" + line.get("review_count") + "</span> reviews"));
    }

    /** The top-level fields of a catalogue line, values as JSON texts ({@code "S1-1"}, {@code 12.50}, {@code ["x"]}). */
    static Map<String, String> fields(String line) {
        Map<String, String> fields = new TreeMap<>();
        int offers = line.indexOf(",\"offers\":[");
        if (offers >= 0) {
            fields.put("offers", line.substring(offers + 10, line.length() - 1));
            line = line.substring(0, offers) + "}";
        }
        Matcher m = JSON_FIELD.matcher(line);
        while (m.find()) {
            fields.put(m.group(1), m.group(2));
        }
        return fields;
    }

    private static String quoted(String s) {
        return "\"" + s + "\"";
    }

    private static String unquoted(String json) {
        return json.substring(1, json.length() - 1).replace("\\\"", "\"");
    }

    /** The one string of a one-element array. */
    private static String unarray(String json) {
        List<String> items = new ArrayList<>(List.of(json.substring(1, json.length() - 1).split(",")));
        assertEquals(1, items.size(), json);
        return unquoted(items.getFirst());
    }
}
