package dev.trawl.internal.extract;

import dev.trawl.extract.Availability;
import dev.trawl.extract.Condition;
import dev.trawl.extract.Extractor;
import dev.trawl.Extractors;
import dev.trawl.extract.Page;
import dev.trawl.extract.Product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenGraphProductExtractorTest {
    private static final URI PAGE = URI.create("https://shop.test/p/1");

    private static List<Product> extract(String head) {
        return extract(head, StandardCharsets.UTF_8);
    }

    private static List<Product> extract(String head, Charset charset) {
        String html = "<!doctype html><html><head>" + head + "</head><body><p>text</p></body></html>";
        return Extractors.openGraphProducts().extract(new Page(PAGE, 200, "text/html; charset=" + charset.name(), html.getBytes(charset)));
    }

    @Test
    void readsTheProductTags() {
        List<Product> products = extract("""
                <meta property="og:type" content="product">
                <meta property="og:title" content="Tom &amp; Jerry Mug &ndash; Blue">
                <meta property="og:url" content="/mugs/tom-and-jerry">
                <meta property="og:image" content="https://cdn.test/1.jpg"><meta property="og:image:width" content="800">
                <meta property="og:image" content="//cdn.test/2.jpg">
                <meta property="product:brand" content="Toons">
                <meta property="product:retailer_item_id" content="TJ-1">
                <meta property="product:price:amount" content="12.50">
                <meta property="product:price:currency" content="gbp">
                <meta property="product:availability" content="out of stock">
                <meta property="product:condition" content="refurbished">
                <meta property="product:ean" content="4006381333931">""");
        assertEquals(List.of(Product.builder().url(PAGE).canonicalUrl("https://shop.test/mugs/tom-and-jerry").name("Tom & Jerry Mug \u2013 Blue")
                .brand("Toons").sku("TJ-1").gtin("4006381333931").price(new BigDecimal("12.50")).currency("GBP")
                .availability(Availability.OUT_OF_STOCK).condition(Condition.REFURBISHED)
                .images(List.of("https://cdn.test/1.jpg", "https://cdn.test/2.jpg")).source("opengraph").build()), products);
    }

    @Test
    void aPageThatIsNoProductGivesNone() {
        assertEquals(List.of(), extract("<meta property=\"og:type\" content=\"article\"><meta property=\"og:title\" content=\"News\">"));
        assertEquals(List.of(), extract("<meta property=\"og:title\" content=\"Untyped\">"));
        assertEquals(List.of(), extract(""));
    }

    @Test
    void aPriceTagAloneMakesAProductAndTheOgSpellingsCount() {
        List<Product> products = extract("""
                <META NAME="og:price:amount" CONTENT="1 299,00"><meta name="og:price:currency" content="SEK"><meta name="og:title" content="Soffa">""");
        assertEquals(1, products.size());
        assertEquals(new BigDecimal("1299.00"), products.getFirst().price());
        assertEquals("SEK", products.getFirst().currency());
        assertEquals("Soffa", products.getFirst().name());
    }

    @Test
    void aLowerSalePriceIsThePriceAndTheOtherTheListPrice() {
        String tags = """
                <meta property="og:type" content="product.item"><meta property="product:price:amount" content="%s">
                <meta property="product:price:currency" content="USD"><meta property="product:sale_price:amount" content="%s">""";
        Product sale = extract(tags.formatted("100.00", "80.00")).getFirst();
        assertEquals(List.of(new BigDecimal("80.00"), new BigDecimal("100.00")), List.of(sale.price(), sale.listPrice()));
        Product notLower = extract(tags.formatted("100.00", "120.00")).getFirst();
        assertEquals(new BigDecimal("100.00"), notLower.price());
        assertNull(notLower.listPrice());
    }

    @Test
    void decodesValuesInThePagesCharset() {
        Charset cp1252 = Charset.forName("windows-1252");
        Product p = extract("<meta property=\"og:type\" content=\"product\"><meta property=\"og:title\" content=\"Cr\u00e8me br\u00fbl\u00e9e \u20ac\">",
                cp1252).getFirst();
        assertEquals("Cr\u00e8me br\u00fbl\u00e9e \u20ac", p.name());
    }

    @Test
    void readsTheTagsOfTheHeadOrOfAWholePageWithoutOne() {
        String og = "<meta property=\"og:type\" content=\"product\"><meta property=\"og:title\" content=\"Lamp\">";
        Extractor openGraph = Extractors.openGraphProducts();
        byte[] inBody = ("<html><head><title>x</title></head><body>" + og + "</body></html>").getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(), openGraph.extract(new Page(PAGE, 200, "text/html", inBody)));
        byte[] noHead = ("<title>x</title><p>text</p>" + og).getBytes(StandardCharsets.UTF_8);
        assertEquals("Lamp", openGraph.extract(new Page(PAGE, 200, "text/html", noHead)).getFirst().name());
        byte[] upper = ("<HTML><HEAD>" + og.toUpperCase(java.util.Locale.ROOT) + "</HEAD><BODY></BODY></HTML>").getBytes(StandardCharsets.UTF_8);
        assertEquals(1, openGraph.extract(new Page(PAGE, 200, "text/html", upper)).size());
    }

    @Test
    void brokenTagsNeitherThrowNorLoop() {
        assertEquals(List.of(), extract("<meta property=\"og:type\" content=\"product"));
        assertEquals(List.of(), extract("<meta<meta<META<metaX"));
        assertEquals(1, extract("<meta property=og:type content=product><meta/property=\"og:title\"content=\"x\">").size());
    }
}
