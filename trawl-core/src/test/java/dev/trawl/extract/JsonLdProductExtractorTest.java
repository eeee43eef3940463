package dev.trawl.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLdProductExtractorTest {

    private static List<Product> extract(String html) {
        return Extractors.jsonLdProducts().extract(new Page(URI.create("http://shop.test/p"), 200, "text/html; charset=utf-8",
                html.getBytes(StandardCharsets.UTF_8)));
    }

    private static String page(String... blocks) {
        StringBuilder b = new StringBuilder("<!doctype html><html><head><title>x</title><script>var a = 1 < 2;</script>");
        for (String block : blocks) {
            b.append("<script type=\"application/ld+json\">").append(block).append("</script>\n");
        }
        return b.append("</head><body><p>a < b</p></body></html>").toString();
    }

    @Test
    void readsAShopifyStyleProduct() {
        List<Product> ps = extract(page("""
                {"@context":"http://schema.org/","@type":"Product","name":"Linen Shirt \\"Classic\\" &amp; co","sku":"LS-001",
                 "offers":[{"@type":"Offer","price":"49.00","priceCurrency":"usd","availability":"http://schema.org/InStock"}]}"""));
        assertEquals(List.of(new Product("Linen Shirt \"Classic\" & co", "LS-001", new BigDecimal("49.00"), "USD")), ps);
    }

    @Test
    void readsProductsInsideAGraphAndSkipsOtherNodes() {
        List<Product> ps = extract(page("""
                {"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"page"},
                 {"@type":["Product","Thing"],"name":"Mug","sku":1234,"offers":{"@type":"AggregateOffer","lowPrice":9.5,"highPrice":12,"priceCurrency":"EUR"}}]}"""));
        assertEquals(List.of(new Product("Mug", "1234", new BigDecimal("9.5"), "EUR")), ps);
    }

    @Test
    void keepsNumberPricesExact() {
        List<Product> ps = extract(page("""
                {"@type":"Product","name":"TV","offers":{"@type":"Offer","price":1299.5,"priceCurrency":"GBP"}}"""));
        assertEquals(new BigDecimal("1299.5"), ps.getFirst().price());
        assertEquals("1299.5", ps.getFirst().price().toPlainString());
    }

    @Test
    void readsPriceSpecificationAndEuropeanDecimalCommas() {
        List<Product> ps = extract(page("""
                {"@type":"Product","name":"A","offers":{"@type":"Offer","priceSpecification":{"price":"19,99","priceCurrency":"EUR"}}}""",
                """
                {"@type":"Product","name":"B","offers":{"@type":"Offer","price":"1,299.99","priceCurrency":"US$"}}"""));
        assertEquals(new Product("A", null, new BigDecimal("19.99"), "EUR"), ps.get(0));
        assertEquals(new Product("B", null, new BigDecimal("1299.99"), null), ps.get(1), "an invalid currency is absent");
    }

    @Test
    void skipsBrokenJsonLdAndReadsTheGoodBlockBesideIt() {
        List<Product> ps = extract(page("{\"@type\":\"Product\",\"name\":\"broken\",", """
                {"@type":"Product","name":"good","sku":"G1"}"""));
        assertEquals(List.of(new Product("good", "G1", null, null)), ps);
    }

    @Test
    void findsBlocksInAnyCaseWithOtherAttributesAndWrappers() {
        String html = "<html><SCRIPT id=x TYPE='application/ld+json; charset=utf-8' data-x=\"1\"><!--\n"
                + "{\"@type\":\"Product\",\"name\":\"Upper\"}\n--></SCRIPT>"
                + "<script data-type=\"application/ld+json\">{\"@type\":\"Product\",\"name\":\"not json-ld\"}</script>"
                + "<script type=text/javascript>{\"@type\":\"Product\",\"name\":\"js\"}</script>"
                + "<script type=application/ld+json>{\"@type\":\"Product\",\"name\":\"unquoted\"}";
        assertEquals(List.of("Upper", "unquoted"), extract(html).stream().map(Product::name).toList());
    }

    @Test
    void aPageWithoutJsonLdHasNoProducts() {
        assertEquals(List.of(), extract("<html><body><h1>Hello</h1></body></html>"));
        assertEquals(List.of(), extract(""));
    }

    @Test
    void findsEveryProductOfAListingInDocumentOrder() {
        List<Product> ps = extract(page("""
                {"@type":"ItemList","itemListElement":[
                  {"@type":"ListItem","position":1,"item":{"@type":"Product","name":"One","offers":{"price":"1.00","priceCurrency":"USD"}}},
                  {"@type":"ListItem","position":2,"item":{"@type":"Product","name":"Two","offers":{"price":"2.00","priceCurrency":"USD"}}}]}"""));
        assertEquals(List.of("One", "Two"), ps.stream().map(Product::name).toList());
    }

    @Test
    void decodesTheCharsetTheHeaderOrTheMetaTagNames() {
        byte[] latin1 = "<html><p>caf\u00e9</p></html>".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("<html><p>caf\u00e9</p></html>", new Page(URI.create("http://x.test/"), 200, "text/html; charset=ISO-8859-1", latin1).text());
        byte[] meta = "<html><head><meta charset=\"iso-8859-1\"></head><p>caf\u00e9</p></html>".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("iso-8859-1", new Page(URI.create("http://x.test/"), 200, "text/html", meta).charset().name().toLowerCase());
        byte[] utf8 = "caf\u00e9".getBytes(StandardCharsets.UTF_8);
        assertEquals("caf\u00e9", new Page(URI.create("http://x.test/"), 200, "text/html; charset=no-such-charset", utf8).text());
    }

    @Test
    void readsNoPriceFromNonsense() {
        assertNull(Prices.parse("call us"));
        assertNull(Prices.parse("-5.00"));
        assertNull(Prices.parse("1.299,99"), "ambiguous in structured data");
        assertEquals(new BigDecimal("0.99"), Prices.parse(" 0.99 "));
    }
}
