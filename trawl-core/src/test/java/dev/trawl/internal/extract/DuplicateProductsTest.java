package dev.trawl.internal.extract;

import dev.trawl.Extractors;
import dev.trawl.extract.Availability;
import dev.trawl.extract.Page;
import dev.trawl.extract.Product;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One product described twice on a page (two JSON-LD blocks, JSON-LD beside microdata) is one
 * record, merged field by field, the more trusted or earlier reading first; different products stay apart.
 */
class DuplicateProductsTest {
    private static final URI PAGE = URI.create("https://shop.test/products/kettle");

    private static List<Product> extract(String html) {
        return Extractors.products().extract(new Page(PAGE, 200, "text/html", html.getBytes(StandardCharsets.UTF_8)));
    }

    private static String jsonLd(String json) {
        return "<script type=\"application/ld+json\">" + json + "</script>\n";
    }

    /** The theme's block, then a reviews app's: the same product, by the same @id. */
    private static final String THEME = jsonLd("""
            {"@context":"https://schema.org","@type":"Product","@id":"https://shop.test/products/kettle#product","name":"Kettle",
             "url":"https://shop.test/products/kettle","offers":{"@type":"Offer","price":"39.00","priceCurrency":"EUR","availability":"InStock"}}""");

    @Test
    void twoBlocksWithTheSameIdAreOneRecord() {
        List<Product> products = extract(THEME + jsonLd("""
                {"@context":"https://schema.org","@type":"Product","@id":"#product","name":"Kettle (reviews)","sku":"KT-1",
                 "aggregateRating":{"@type":"AggregateRating","ratingValue":"4.6","reviewCount":"31"},
                 "offers":{"@type":"Offer","price":"35.00","priceCurrency":"EUR"}}"""));
        assertEquals(1, products.size(), () -> "products: " + products);
        Product p = products.getFirst();
        assertEquals(List.of("Kettle", "KT-1", "39.00", "4.6", "31"),
                List.of(p.name(), p.sku(), p.price().toPlainString(), p.rating().toPlainString(), p.reviewCount().toString()),
                "a relative @id names the same node; the first block's fields first, the second's filling the rest");
        assertEquals(Availability.IN_STOCK, p.availability());
    }

    @Test
    void twoReadingsWithTheSameSkuAreOneRecordAndDifferentSkusTwo() {
        String a = jsonLd("{\"@type\":\"Product\",\"name\":\"Kettle\",\"sku\":\"KT-1\"}");
        String b = jsonLd("{\"@type\":\"Product\",\"name\":\"Electric kettle 1.7 l\",\"sku\":\"KT-1\",\"gtin13\":\"4006381333931\"}");
        assertEquals(List.of("4006381333931"), extract(a + b).stream().map(Product::gtin).toList());
        String c = jsonLd("{\"@type\":\"Product\",\"name\":\"Kettle\",\"sku\":\"KT-2\"}");
        assertEquals(List.of("KT-1", "KT-2"), extract(a + c).stream().map(Product::sku).toList(), "same name, different SKUs");
    }

    @Test
    void withoutIdsOrSkusTheSameNameAtTheSameUrlIsOneRecord() {
        String a = jsonLd("{\"@type\":\"Product\",\"name\":\"Kettle\",\"url\":\"/products/kettle\",\"offers\":{\"price\":\"39.00\",\"priceCurrency\":\"EUR\"}}");
        String b = jsonLd("{\"@type\":\"Product\",\"name\":\"  kettle \",\"image\":\"https://cdn.test/k.jpg\"}");
        List<Product> products = extract(a + b);
        assertEquals(1, products.size(), () -> "products: " + products);
        assertEquals(List.of("https://cdn.test/k.jpg"), products.getFirst().images(), "a reading without a URL is at this page");
        String other = jsonLd("{\"@type\":\"Product\",\"name\":\"Kettle\",\"url\":\"/products/kettle-xl\"}");
        assertEquals(2, extract(a + other).size(), "another URL: another product");
        String ids = jsonLd("[{\"@type\":\"Product\",\"@id\":\"#a\",\"name\":\"Kettle\"},{\"@type\":\"Product\",\"@id\":\"#b\",\"name\":\"Kettle\"}]");
        assertEquals(2, extract(ids).size(), "nodes that name themselves differently");
    }

    @Test
    void jsonLdBesideMicrodataOnAListingFillsTheMatchingProduct() {
        String ld = jsonLd("[{\"@type\":\"Product\",\"name\":\"Kettle\",\"sku\":\"KT-1\",\"offers\":{\"price\":\"39.00\",\"priceCurrency\":\"EUR\"}},"
                + "{\"@type\":\"Product\",\"name\":\"Toaster\",\"sku\":\"TO-1\"}]");
        String microdata = """
                <div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Toaster</span><meta itemprop="sku" content="TO-1">
                 <meta itemprop="gtin13" content="4006381333931"></div>
                <div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Blender</span></div>""";
        List<Product> products = extract(ld + microdata);
        assertEquals(List.of("Kettle", "Toaster"), products.stream().map(Product::name).toList(), "microdata only fills JSON-LD's products");
        assertEquals("4006381333931", products.get(1).gtin());
        assertEquals("json-ld", products.get(1).source());
    }

    @Test
    void aRecoveredBlockAndTheMicrodataOfTheSameProductAreOneRecord() {
        // A trailing comma and a comment: JSON-LD that is not JSON, read all the same.
        String ld = jsonLd("{\"@type\":\"Product\",\"name\":\"Kettle\",\"sku\":\"KT-1\", /* app */ \"offers\":{\"price\":\"39.00\",},}");
        String twice = ld + jsonLd("{\"@type\":\"Product\",\"name\":\"Kettle\",\"sku\":\"KT-1\",\"brand\":\"Acme\"}");
        String microdata = "<div itemscope itemtype=\"https://schema.org/Product\"><span itemprop=\"name\">Kettle</span>"
                + "<meta itemprop=\"sku\" content=\"KT-1\"><div itemprop=\"offers\" itemscope itemtype=\"https://schema.org/Offer\">"
                + "<meta itemprop=\"price\" content=\"39.00\"><meta itemprop=\"priceCurrency\" content=\"EUR\"></div></div>";
        List<Product> products = extract(twice + microdata);
        assertEquals(1, products.size(), () -> "products: " + products);
        Product p = products.getFirst();
        assertEquals(List.of("Acme", "EUR"), List.of(p.brand(), p.currency()), "the same price's currency from the microdata");
        assertEquals(new BigDecimal("39.00"), p.price());
    }

    @Test
    void microdataThatDescribesItsProductTwiceIsOneRecord() {
        // An unclosed element leaves the theme's second item for the product outside the first, as its own item.
        String html = "<div itemscope itemtype=\"https://schema.org/Product\"><h1 itemprop=\"name\">Kettle</h1><meta itemprop=\"sku\" content=\"KT-1\">"
                + "<p><span>unclosed</div>"
                + "<div itemscope itemtype=\"https://schema.org/Product\"><meta itemprop=\"sku\" content=\"KT-1\">"
                + "<div itemprop=\"offers\" itemscope itemtype=\"https://schema.org/Offer\"><meta itemprop=\"price\" content=\"39.00\">"
                + "<meta itemprop=\"priceCurrency\" content=\"EUR\"></div></div>";
        List<Product> products = extract(html);
        assertEquals(1, products.size(), () -> "products: " + products);
        assertEquals(List.of("Kettle", "39.00", "microdata"),
                List.of(products.getFirst().name(), products.getFirst().price().toPlainString(), products.getFirst().source()));
    }

    @Test
    void theJsonLdExtractorAloneGivesOneRecordPerProductToo() {
        String html = THEME + jsonLd("{\"@type\":\"Product\",\"@id\":\"https://shop.test/products/kettle#product\",\"sku\":\"KT-1\"}");
        List<Product> products = JsonLdProductExtractorTest.extract(html);
        assertEquals(List.of("KT-1"), products.stream().map(Product::sku).toList());
    }

    @Test
    void aPriceTakenFromAnotherReadingComesWithItsCurrency() {
        Product withCurrencyOnly = Product.builder().name("Kettle").currency("EUR").build();
        Product priced = Product.builder().name("Kettle").price(new BigDecimal("45.00")).currency("USD").build();
        assertEquals("USD", withCurrencyOnly.orElse(priced).currency());
    }
}
