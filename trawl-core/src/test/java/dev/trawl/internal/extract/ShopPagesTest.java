package dev.trawl.internal.extract;

import dev.trawl.extract.Availability;
import dev.trawl.extract.Extractor;
import dev.trawl.Extractors;
import dev.trawl.extract.Offer;
import dev.trawl.extract.Page;
import dev.trawl.extract.Product;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Whole pages as shops serve them: fixture files in {@code src/test/resources/extract/}, and pages in other charsets. */
class ShopPagesTest {
    private static final Extractor EXTRACTOR = Extractors.jsonLdProducts();

    static byte[] fixture(String name) {
        try (InputStream in = ShopPagesTest.class.getResourceAsStream("/extract/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final URI PAGE = URI.create("https://shop.test/p");

    private static Page page(String contentType, byte[] body) {
        return new Page(PAGE, 200, contentType, body);
    }

    private static final Product SHOPIFY = TestProducts.jsonLd(PAGE, "Caf\u00e9 Linen Shirt \"Classic\" & Co", "LS-001-S",
                    new BigDecimal("49.0"), "USD").toBuilder()
            .canonicalUrl("https://linen.example/products/cafe-linen-shirt?variant=1").brand("Linen Example")
            .availability(Availability.OUT_OF_STOCK).images(List.of("https://linen.example/cdn/shop/products/shirt.jpg?v=1&width=1920"))
            .offers(List.of(new Offer("LS-001-S", null, new BigDecimal("49.0"), "USD", Availability.OUT_OF_STOCK),
                    new Offer("LS-001-M", null, new BigDecimal("52.0"), "USD", Availability.IN_STOCK)))
            .build();
    private static final Product WOOCOMMERCE = TestProducts.jsonLd(PAGE, "Kapuzenpullover \u2013 Logo & Fleece", "1234",
                    new BigDecimal("42.00"), "EUR").toBuilder()
            .canonicalUrl("https://laden.example/produkt/kapuzenpullover-logo/").availability(Availability.IN_STOCK)
            .images(List.of("https://laden.example/wp-content/uploads/2025/01/hoodie-logo.jpg")).category(List.of("Pullover"))
            .seller("Beispiel-Laden").build();

    @Test
    void readsAShopifyStyleProductPage() {
        assertEquals(List.of(SHOPIFY), EXTRACTOR.extract(page("text/html; charset=utf-8", fixture("shopify-product.html"))));
    }

    @Test
    void readsAWooCommerceStyleGraphPageAndIgnoresItsCommentedOutBlock() {
        assertEquals(List.of(WOOCOMMERCE), EXTRACTOR.extract(page("text/html; charset=UTF-8", fixture("woocommerce-product.html"))));
    }

    @Test
    void readsTextInTheCharsetThePageDeclares() {
        String html = "<html><head><meta charset=\"windows-1252\"><title>Cr\u00e8me</title></head><body>"
                + "<script type=\"application/ld+json\">{\"@type\":\"Product\",\"name\":\"Cr\u00e8me br\u00fbl\u00e9e \u20ac\","
                + "\"offers\":{\"price\":\"4,50\",\"priceCurrency\":\"EUR\"}}</script></body></html>";
        Product creme = TestProducts.jsonLd(PAGE, "Cr\u00e8me br\u00fbl\u00e9e \u20ac", null, new BigDecimal("4.50"), "EUR");
        assertEquals(List.of(creme), EXTRACTOR.extract(page("text/html", html.getBytes(Charset.forName("windows-1252")))), "meta");
        assertEquals(List.of(creme), EXTRACTOR.extract(page("text/html; charset=iso-8859-1", html.getBytes(Charset.forName("windows-1252")))),
                "a Latin-1 header, read as windows-1252");
        String noMeta = html.replace("<meta charset=\"windows-1252\">", "");
        assertEquals(List.of(creme), EXTRACTOR.extract(page(null, noMeta.getBytes(StandardCharsets.UTF_8))), "nothing named: UTF-8");
    }

    @Test
    void readsPagesInCharsetsThatAreNotAsciiCompatible() {
        String html = "<script type=\"application/ld+json\">{\"@type\":\"Product\",\"name\":\"\u6771\u4eac \u30b7\u30e3\u30c4\","
                + "\"sku\":\"\u8868-1\",\"offers\":{\"price\":\"1980\",\"priceCurrency\":\"JPY\"}}</script>";
        Product shirt = TestProducts.jsonLd(PAGE, "\u6771\u4eac \u30b7\u30e3\u30c4", "\u8868-1", new BigDecimal("1980"), "JPY");
        assertEquals(List.of(shirt), EXTRACTOR.extract(page("text/html; charset=Shift_JIS", html.getBytes(Charset.forName("Shift_JIS")))));
        byte[] utf16 = html.getBytes(StandardCharsets.UTF_16); // with a byte-order mark
        assertEquals(List.of(shirt), EXTRACTOR.extract(page("text/html", utf16)));
    }

    @Test
    void readsAUtf8PageThatStartsWithAByteOrderMark() {
        byte[] body = fixture("shopify-product.html");
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        assertEquals(List.of(SHOPIFY), EXTRACTOR.extract(page("text/html; charset=iso-8859-1", withBom)));
    }

    @Test
    void readsJsonWrappedTheWayDrupalWrapsIt() {
        String html = "<script type=\"application/ld+json\"><!--//--><![CDATA[//><!--\n"
                + "{\"@type\":\"Product\",\"name\":\"Wrapped\",\"offers\":{\"price\":\"1.00\",\"priceCurrency\":\"EUR\"}}\n//--><!]]></script>";
        assertEquals(List.of(TestProducts.jsonLd(PAGE, "Wrapped", null, new BigDecimal("1.00"), "EUR")),
                EXTRACTOR.extract(page("text/html", html.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void oneExtractorServesManyThreadsAtOnce() throws Exception {
        Page shopify = page("text/html; charset=utf-8", fixture("shopify-product.html"));
        Page woo = page("text/html; charset=utf-8", fixture("woocommerce-product.html"));
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<Product>>> results = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                Page p = i % 2 == 0 ? shopify : woo;
                results.add(threads.submit(() -> EXTRACTOR.extract(p)));
            }
            for (int i = 0; i < results.size(); i++) {
                assertEquals(List.of(i % 2 == 0 ? SHOPIFY : WOOCOMMERCE), results.get(i).get());
            }
        }
    }
}
