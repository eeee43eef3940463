package dev.trawl.internal.extract;

import dev.trawl.extract.Extractor;
import dev.trawl.Extractors;
import dev.trawl.extract.Offer;
import dev.trawl.extract.Page;
import dev.trawl.extract.Product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** {@link Extractors#products()}: which source is used, and what a less trusted one fills in. */
class ProductPipelineTest {
    private static final URI PAGE = URI.create("https://shop.test/p/1");
    private static final Extractor PRODUCTS = Extractors.products();

    private static List<Product> extract(String html) {
        return extract(html.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Product> extract(byte[] body) {
        return PRODUCTS.extract(new Page(PAGE, 200, "text/html; charset=utf-8", body));
    }

    private static String jsonLd(String json) {
        return "<script type=\"application/ld+json\">" + json + "</script>";
    }

    private static final String OG_EUR = """
            <meta property="og:type" content="product"><meta property="og:title" content="OG name"><meta property="og:image" content="https://cdn.test/og.jpg">
            <meta property="product:price:amount" content="45.00"><meta property="product:price:currency" content="EUR">""";
    private static final String MICRODATA = """
            <div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Micro name</span><meta itemprop="sku" content="M-1">
            <meta itemprop="gtin13" content="4006381333931"><div itemprop="offers" itemscope itemtype="https://schema.org/Offer">
            <meta itemprop="price" content="9.99"><meta itemprop="priceCurrency" content="CHF"></div></div>""";

    @Test
    void jsonLdComesFirstAndTheOthersFillWhatItLacks() {
        Product p = extract(OG_EUR + jsonLd("{\"@type\":\"Product\",\"name\":\"LD name\",\"sku\":\"M-1\",\"offers\":{\"price\":\"9.99\",\"priceCurrency\":\"CHF\"}}")
                + MICRODATA).getFirst();
        assertEquals(List.of("LD name", "M-1", "4006381333931", "9.99", "CHF", "json-ld"),
                List.of(p.name(), p.sku(), p.gtin(), p.price().toPlainString(), p.currency(), p.source()));
        assertEquals(List.of("https://cdn.test/og.jpg"), p.images());
    }

    @Test
    void aPriceWithoutACurrencyTakesTheCurrencyOfTheSamePriceElsewhere() {
        String ld = jsonLd("{\"@type\":\"Product\",\"name\":\"Moka\",\"offers\":{\"price\":\"%s\"}}");
        assertEquals("EUR", extract(OG_EUR + ld.formatted("45.0")).getFirst().currency(), "the same price, however written");
        Product other = extract(OG_EUR + ld.formatted("50.00")).getFirst();
        assertEquals(new BigDecimal("50.00"), other.price());
        assertNull(other.currency(), "another price's currency is not this one's");
    }

    @Test
    void anotherProductsFieldsAreNotTaken() {
        Product p = extract(jsonLd("{\"@type\":\"Product\",\"name\":\"A\",\"sku\":\"A-1\"}") + MICRODATA).getFirst();
        assertNull(p.gtin(), "the microdata describes SKU M-1, not A-1");
        List<Product> two = extract(OG_EUR + jsonLd("[{\"@type\":\"Product\",\"name\":\"A\"},{\"@type\":\"Product\",\"name\":\"B\"}]"));
        assertEquals(List.of(List.of(), List.of()), two.stream().map(Product::images).toList(), "a listing is not filled from one og product");
    }

    @Test
    void brokenJsonLdBesideGoodMicrodataGivesTheMicrodataProduct() {
        List<Product> products = extract(jsonLd("{\"@type\":\"Product\",\"name\":\"broken\",") + MICRODATA);
        assertEquals(List.of("Micro name"), products.stream().map(Product::name).toList());
        assertEquals("microdata", products.getFirst().source());
    }

    @Test
    void openGraphIsTheLastResortAndNeedsAProductType() {
        assertEquals("opengraph", extract(OG_EUR).getFirst().source());
        assertEquals(List.of(), extract("<meta property=\"og:type\" content=\"website\"><meta property=\"og:title\" content=\"Home\">"));
        assertEquals("microdata", extract(OG_EUR + MICRODATA).getFirst().source());
    }

    @Test
    void everyCorpusPageCutShortOrGarbledGivesAnAnswerWithoutThrowing() {
        Random random = new Random(42);
        for (String name : List.of("woocommerce-yoast", "magento-microdata", "bigcommerce-mixed", "opengraph-only", "shift-jis")) {
            byte[] page = corpus(name);
            for (int cut = 0; cut < page.length; cut += 97) {
                extract(java.util.Arrays.copyOf(page, cut));
            }
            for (int round = 0; round < 50; round++) {
                byte[] garbled = page.clone();
                for (int k = 0; k < 20; k++) {
                    garbled[random.nextInt(garbled.length)] = (byte) random.nextInt(256);
                }
                extract(garbled);
            }
        }
        byte[] noise = new byte[50_000];
        random.nextBytes(noise);
        assertEquals(List.of(), extract(noise));
    }

    @Test
    void oneInstanceServesManyThreadsAtOnce() throws Exception {
        List<String> names = List.of("shopify-variants", "magento-microdata", "opengraph-only", "bigcommerce-mixed");
        List<List<Product>> alone = new ArrayList<>();
        for (String n : names) {
            alone.add(extract(corpus(n)));
        }
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<Product>>> results = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                byte[] body = corpus(names.get(i % names.size()));
                results.add(threads.submit(() -> extract(body)));
            }
            for (int i = 0; i < results.size(); i++) {
                assertEquals(alone.get(i % names.size()), results.get(i).get());
            }
        }
    }

    private static byte[] corpus(String name) {
        try (InputStream in = ProductPipelineTest.class.getResourceAsStream("/corpus/" + name + ".html")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
