package dev.trawl.internal.extract;

import dev.trawl.extract.Availability;
import dev.trawl.Extractors;
import dev.trawl.extract.Offer;
import dev.trawl.extract.Page;
import dev.trawl.extract.Product;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLdProductExtractorTest {
    private static final URI PAGE = URI.create("https://shop.test/p/1");

    static List<Product> extract(String html) {
        return Extractors.jsonLdProducts().extract(new Page(PAGE, 200, "text/html; charset=utf-8",
                html.getBytes(StandardCharsets.UTF_8)));
    }

    /** A page with each JSON text in a JSON-LD script of its own, among other markup and scripts. */
    static String page(String... jsonLd) {
        StringBuilder b = new StringBuilder("<!doctype html><html><head><title>Shop</title><script>var a = 1 < 2 && 3 > 2;</script>\n");
        for (String json : jsonLd) {
            b.append("<script type=\"application/ld+json\">").append(json).append("</script>\n");
        }
        return b.append("</head><body><p>a < b</p></body></html>").toString();
    }

    private static Product one(String json) {
        List<Product> products = extract(page(json));
        assertEquals(1, products.size(), () -> "products: " + products);
        return products.getFirst();
    }

    private static Product product(String name, String sku, String price, String currency) {
        return TestProducts.jsonLd(PAGE, name, sku, price == null ? null : new BigDecimal(price), currency);
    }

    @Test
    void readsNameSkuPriceAndCurrencyOfAnOffer() {
        assertEquals(product("Mug", "MUG-1", "9.50", "EUR").toBuilder().availability(Availability.IN_STOCK).build(), one("""
                {"@context":"https://schema.org","@type":"Product","name":"Mug","sku":"MUG-1",
                 "offers":{"@type":"Offer","price":"9.50","priceCurrency":"EUR","availability":"https://schema.org/InStock"}}"""));
    }

    @Test
    void readsTheLowPriceOfAnAggregateOffer() {
        assertEquals(product("Lamp", "L-7", "15.00", "GBP"), one("""
                {"@type":"Product","name":"Lamp","sku":"L-7","offers":{"@type":"AggregateOffer","lowPrice":"15.00",
                 "highPrice":"30.00","offerCount":3,"priceCurrency":"GBP","price":"22.00"}}"""));
    }

    @Test
    void readsThePriceOfAnAggregateOfferWithoutALowPrice() {
        assertEquals(product("Lamp", null, "22.00", "GBP"), one("""
                {"@type":"Product","name":"Lamp","offers":{"@type":"AggregateOffer","price":"22.00","priceCurrency":"GBP"}}"""));
    }

    @Test
    void readsTheNestedOffersOfAnAggregateOfferWithoutAPrice() {
        assertEquals(product("Lamp", null, "18.00", "GBP"), one("""
                {"@type":"Product","name":"Lamp","offers":{"@type":"AggregateOffer","priceCurrency":"GBP",
                 "offers":[{"@type":"Offer","availability":"OutOfStock"},{"@type":"Offer","price":"18.00"}]}}"""));
    }

    @Test
    void takesTheFirstOfferOfAnArrayThatHasAPrice() {
        assertEquals(product("Tent", "T-2", "12.50", "CAD"), one("""
                {"@type":"Product","name":"Tent","sku":"T-2","offers":[
                  {"@type":"Offer","priceCurrency":"USD","availability":"https://schema.org/Discontinued"},
                  {"@type":"Offer","price":"","priceCurrency":"USD"},
                  {"@type":"Offer","price":"12.50","priceCurrency":"CAD"},
                  {"@type":"Offer","price":"13.00","priceCurrency":"CAD"}]}"""));
    }

    @Test
    void offersWithoutAnyPriceGiveOnlyTheFirstCurrency() {
        assertEquals(product("Tent", null, null, "USD"), one("""
                {"@type":"Product","name":"Tent","offers":[{"@type":"Offer"},{"@type":"Offer","priceCurrency":"USD"},
                 {"@type":"Offer","priceCurrency":"CAD"}]}"""));
    }

    @Test
    void readsThePriceOfAPriceSpecification() {
        assertEquals(product("Rice 1 kg", "R1", "7.95", "EUR"), one("""
                {"@type":"Product","name":"Rice 1 kg","sku":"R1","offers":{"@type":"Offer",
                 "priceSpecification":{"@type":"UnitPriceSpecification","price":"7.95","priceCurrency":"EUR"}}}"""));
    }

    @Test
    void theOffersCurrencyFillsInForAPriceSpecificationWithoutOne() {
        assertEquals(product("Rice", null, "7.95", "EUR"), one("""
                {"@type":"Product","name":"Rice","offers":{"@type":"Offer","priceCurrency":"EUR","priceSpecification":[{"price":7.95}]}}"""));
    }

    @Test
    void prefersTheSellingPriceToAListPriceSpecification() {
        assertEquals(product("Drill", null, "79.00", "EUR").toBuilder().listPrice(new BigDecimal("99.00")).build(), one("""
                {"@type":"Product","name":"Drill","offers":{"@type":"Offer","priceSpecification":[
                  {"@type":"UnitPriceSpecification","priceType":"https://schema.org/ListPrice","price":"99.00","priceCurrency":"EUR"},
                  {"@type":"UnitPriceSpecification","price":"79.00","priceCurrency":"EUR"}]}}"""));
        assertEquals(product("Drill", null, "99.00", "EUR"), one("""
                {"@type":"Product","name":"Drill","offers":{"@type":"Offer","priceSpecification":
                  {"priceType":"https://schema.org/StrikethroughPrice","price":"99.00","priceCurrency":"EUR"}}}"""),
                "a list price is still the only price the page states");
    }

    @Test
    void keepsANumberPriceExactWithItsDigits() {
        assertEquals(product("TV", null, "1299.5", "GBP"), one("""
                {"@type":"Product","name":"TV","offers":{"@type":"Offer","price":1299.5,"priceCurrency":"GBP"}}"""));
        assertEquals("1299.5", one("{\"@type\":\"Product\",\"offers\":{\"price\":1299.5}}").price().toString());
        assertEquals("0.3", one("{\"@type\":\"Product\",\"offers\":{\"price\":0.3}}").price().toString());
        assertEquals("49.00", one("{\"@type\":\"Product\",\"offers\":{\"price\":49.00}}").price().toString());
        assertEquals("100.0", one("{\"@type\":\"Product\",\"offers\":{\"price\":100.0}}").price().toString());
        assertEquals("1000", one("{\"@type\":\"Product\",\"offers\":{\"price\":1e3}}").price().toString());
        assertEquals("1299", one("{\"@type\":\"Product\",\"offers\":{\"price\":1299}}").price().toString());
        assertEquals("0", one("{\"@type\":\"Product\",\"offers\":{\"price\":0}}").price().toString());
    }

    @Test
    void readsAEuropeanDecimalComma() {
        assertEquals(product("Käse", null, "19.99", "EUR"), one("""
                {"@type":"Product","name":"Käse","offers":{"price":"19,99","priceCurrency":"EUR"}}"""));
        assertEquals(product("Brot", null, "2.49", "EUR"), one("""
                {"@type":"Product","name":"Brot","offers":{"price":" 2,49\\u00a0","priceCurrency":"EUR"}}"""));
    }

    @Test
    void anAmbiguousOrForeignPriceTextIsAbsent() {
        for (String price : List.of("1.299,99", "1,299", "$19.99", "19.99 EUR", "-5.00", "free", "19.", "1e3", "0x10", "19,9")) {
            assertEquals(product("X", null, null, "EUR"), one("{\"@type\":\"Product\",\"name\":\"X\",\"offers\":{\"price\":\""
                    + price + "\",\"priceCurrency\":\"EUR\"}}"), price);
        }
    }

    @Test
    void aNegativeNumberPriceIsAbsent() {
        assertEquals(product("X", null, null, "EUR"), one("""
                {"@type":"Product","name":"X","offers":{"price":-5.5,"priceCurrency":"EUR"}}"""));
    }

    @Test
    void aMissingCurrencyIsAbsent() {
        assertEquals(product("Pen", "P", "1.20", null), one("""
                {"@type":"Product","name":"Pen","sku":"P","offers":{"@type":"Offer","price":"1.20"}}"""));
    }

    @Test
    void anInvalidCurrencyIsAbsentAndAValidOneIsUpperCased() {
        assertEquals(product("Pen", null, "1.20", null), one("""
                {"@type":"Product","name":"Pen","offers":{"price":"1.20","priceCurrency":"US$"}}"""));
        for (String bad : List.of("EURO", "€", "E1R", "", "ÉUR", "us d")) {
            assertEquals(product("Pen", null, "1.20", null),
                    one("{\"@type\":\"Product\",\"name\":\"Pen\",\"offers\":{\"price\":\"1.20\",\"priceCurrency\":\"" + bad + "\"}}"), bad);
        }
        assertEquals(product("Pen", null, "1.20", "USD"), one("""
                {"@type":"Product","name":"Pen","offers":{"price":"1.20","priceCurrency":" usd "}}"""));
    }

    @Test
    void decodesJsonEscapesAndHtmlReferencesInText() {
        assertEquals(product("Café \"Noir\" & Co '24 <b> – ™", "A&B", null, null), one("""
                {"@type":"Product","name":"Caf\\u00e9 \\"Noir\\" &amp; Co &#39;24 &lt;b&gt; &#x2013; &#153;","sku":"A&amp;B"}"""));
        assertEquals("Tom &amp; Jerry", one("{\"@type\":\"Product\",\"name\":\"Tom &amp;amp; Jerry\"}").name(), "one pass only");
    }

    @Test
    void textWithTerminalEscapesLosesItsControlCharactersAndItsLineBreaksBecomeSpaces() {
        // Escaped in the JSON (\\u001b) and raw (the tab and line feed are sent as they are), on the product and its offers.
        Product p = one("{\"@type\":\"Product\",\"name\":\"Mug\\u001b]0;pwned\\u0007\\u001b[2J\tBlue\nLarge\u009b\","
                + "\"sku\":\"M-1\\u0000\",\"brand\":{\"name\":\"\\u001b[31mAcme\"},\"category\":\"Kitchen\\u0007 > Mugs\","
                + "\"offers\":[{\"sku\":\"M-1-B\\u001b\",\"name\":\"Blue\\r\\nMug\",\"price\":\"5.00\",\"priceCurrency\":\"EUR\"},"
                + "{\"sku\":\"M-1-R\",\"name\":\"Red\",\"price\":\"6.00\",\"priceCurrency\":\"EUR\"}]}");
        assertEquals("Mug]0;pwned[2J Blue Large", p.name());
        assertEquals("M-1", p.sku());
        assertEquals("[31mAcme", p.brand(), "ESC dropped; what is left is harmless text");
        assertEquals(List.of("Kitchen", "Mugs"), p.category());
        assertEquals(List.of("M-1-B", "M-1-R"), p.offers().stream().map(Offer::sku).toList());
        assertEquals("Blue Mug", p.offers().getFirst().name());
    }

    @Test
    void readsANumberSkuAsItsDigitsAndNeverFallsBackToOtherIdentifiers() {
        assertEquals(product("A", "4006381333931", null, null).toBuilder().gtin("4006381333931").build(), one("""
                {"@type":"Product","name":"A","sku":4006381333931,"gtin13":"4006381333931"}"""));
        assertEquals(product("B", "12.50", null, null), one("{\"@type\":\"Product\",\"name\":\"B\",\"sku\":12.50}"));
        assertEquals(product("C", null, null, null).toBuilder().mpn("C-1").build(), one("""
                {"@type":"Product","name":"C","productID":"isbn:123","mpn":"C-1","sku":"  "}"""));
    }

    @Test
    void readsValueObjectsAndTheFirstOfAnArrayOfValues() {
        assertEquals(product("Shirt", "S1", "5.00", "EUR"), one("""
                {"@type":"Product","name":{"@value":"Shirt","@language":"en"},"sku":["","S1","S2"],
                 "offers":{"price":{"@value":"5.00"},"priceCurrency":["EUR"]}}"""));
    }

    @Test
    void recognisesProductTypesWrittenAsTermsIrisOrArrays() {
        List<Product> products = extract(page("""
                [{"@type":["Thing","Product"],"name":"array"},
                 {"@type":"http://schema.org/Product","name":"http iri"},
                 {"@type":"https://schema.org/Product","name":"https iri"},
                 {"@type":"schema:Product","name":"compact iri"},
                 {"@type":"ProductGroup","name":"group"},
                 {"@type":"IndividualProduct","name":"individual"},
                 {"@type":"product","name":"lower case"},
                 {"@type":"ProductReview","name":"not a product"},
                 {"@type":"Brand","name":"not a product"},
                 {"@type":5,"name":"not a product"},
                 {"name":"no type","offers":{"price":"1.00"}}]"""));
        assertEquals(List.of("array", "http iri", "https iri", "compact iri", "group", "individual", "lower case"),
                products.stream().map(Product::name).toList());
    }

    @Test
    void findsProductsAtTheTopInArraysInAGraphAndNestedInOtherNodes() {
        List<Product> products = extract(page("""
                [{"@type":"Product","name":"top array 1"},{"@type":"Product","name":"top array 2"}]""", """
                {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"site"},{"@type":"Product","name":"graph"}]}""", """
                {"@type":"WebPage","name":"page","mainEntity":{"@type":"Product","name":"main entity"}}""", """
                {"@type":"ItemList","itemListElement":[
                  {"@type":"ListItem","position":1,"item":{"@type":"Product","name":"item 1","offers":{"price":"1.00","priceCurrency":"USD"}}},
                  {"@type":"ListItem","position":2,"item":{"@type":"Product","name":"item 2","offers":{"price":"2.00","priceCurrency":"USD"}}}]}"""));
        assertEquals(List.of(product("top array 1", null, null, null), product("top array 2", null, null, null),
                product("graph", null, null, null), product("main entity", null, null, null),
                product("item 1", null, "1.00", "USD"), product("item 2", null, "2.00", "USD")), products);
    }

    @Test
    void readsTheProductAnOfferIsFor() {
        assertEquals(product("Book", "B-9", "8.99", "USD"), one("""
                {"@type":"Offer","price":"8.99","priceCurrency":"USD","itemOffered":{"@type":"Product","name":"Book","sku":"B-9"}}"""));
    }

    @Test
    void resolvesOfferReferencesWithinAGraph() {
        assertEquals(product("Hoodie", "H-1", "42.00", "EUR").toBuilder().canonicalUrl("https://shop.test/h").build(), one("""
                {"@context":"https://schema.org","@graph":[
                  {"@type":"Product","@id":"https://shop.test/h#product","name":"Hoodie","sku":"H-1",
                   "offers":[{"@id":"https://shop.test/#/schema/offer/h-0"}]},
                  {"@type":"Offer","@id":"https://shop.test/#/schema/offer/h-0","price":"42.00",
                   "priceSpecification":{"@id":"https://shop.test/#/schema/spec/h-0"},"itemOffered":{"@id":"https://shop.test/h#product"}},
                  {"@type":"PriceSpecification","@id":"https://shop.test/#/schema/spec/h-0","price":"42.00","priceCurrency":"EUR"}]}"""));
    }

    @Test
    void aProductGroupWithoutItsOwnOfferTakesItsFirstPricedVariant() {
        assertEquals(product("Sock", "SOCK", "4.00", "EUR").toBuilder().offers(List.of(
                new Offer("SOCK-S", "Sock S", null, null, Availability.OUT_OF_STOCK),
                new Offer("SOCK-M", "Sock M", new BigDecimal("4.00"), "EUR", null),
                new Offer("SOCK-L", "Sock L", new BigDecimal("5.00"), "EUR", null))).build(), one("""
                {"@type":"ProductGroup","name":"Sock","sku":"SOCK","productGroupID":"g1","hasVariant":[
                  {"@type":"Product","name":"Sock S","sku":"SOCK-S","offers":{"@type":"Offer","availability":"OutOfStock"}},
                  {"@type":"Product","name":"Sock M","sku":"SOCK-M","offers":{"@type":"Offer","price":"4.00","priceCurrency":"EUR"}},
                  {"@type":"Product","name":"Sock L","sku":"SOCK-L","offers":{"@type":"Offer","price":"5.00","priceCurrency":"EUR"}}]}"""));
    }

    @Test
    void productsInsideAProductAreNotProductsOfThePage() {
        assertEquals(product("Phone", null, "300", "USD"), one("""
                {"@type":"Product","name":"Phone","offers":{"price":300,"priceCurrency":"USD"},
                 "isRelatedTo":[{"@type":"Product","name":"Case"}],"isSimilarTo":{"@type":"Product","name":"Other phone"}}"""));
    }

    @Test
    void skipsBrokenJsonLdAndReadsTheGoodBlockBesideIt() {
        List<Product> products = extract(page("""
                {"@type":"Product","name":"broken","offers":{"price":"1.00",""", """
                {"@type":"Product","name":"good","sku":"G1","offers":{"price":"2.00","priceCurrency":"USD"}}""", """
                {"@type":"Product" "name":"missing comma"}"""));
        assertEquals(List.of(product("good", "G1", "2.00", "USD")), products);
    }

    @Test
    void readsTwoProductsOfOnePageInDocumentOrder() {
        List<Product> products = extract(page("""
                {"@type":"Product","name":"First","sku":"1","offers":{"price":"1.10","priceCurrency":"SEK"}}""", """
                {"@type":"Product","name":"Second","sku":"2","offers":{"price":"2.20","priceCurrency":"NOK"}}"""));
        assertEquals(List.of(product("First", "1", "1.10", "SEK"), product("Second", "2", "2.20", "NOK")), products);
    }

    @Test
    void aPageWithoutJsonLdHasNoProducts() {
        assertEquals(List.of(), extract("<html><head><script>var p = {\"@type\":\"Product\"};</script></head><body><h1>Hi</h1></body></html>"));
        assertEquals(List.of(), extract(""));
        assertEquals(List.of(), extract(page("{\"@type\":\"WebPage\",\"name\":\"no product here\"}")));
    }

    @Test
    void readsAnUpperCaseScriptTagWithSingleQuotes() {
        assertEquals(List.of(product("Upper", "U", "3.00", "CHF")), extract("""
                <HTML><HEAD><SCRIPT TYPE='application/ld+json'>
                {"@type":"Product","name":"Upper","sku":"U","offers":{"price":"3.00","priceCurrency":"CHF"}}
                </SCRIPT></HEAD></HTML>"""));
    }

    @Test
    void readsAScriptWithoutAClosingTagToTheEndOfThePage() {
        assertEquals(List.of(product("Unclosed", null, "4.00", "EUR")), extract("""
                <html><body><script type="application/ld+json">{"@type":"Product","name":"Unclosed","offers":{"price":"4.00","priceCurrency":"EUR"}}
                """));
        assertEquals(List.of(), extract("<html><body><script type=\"application/ld+json\">{\"@type\":\"Product\",\"name\":\"trunc"),
                "a truncated block is skipped");
    }

    @Test
    void wrongShapesAreSkippedWithoutThrowing() {
        List<Product> products = extract(page("null", "42", "\"Product\"", "[]", "{}", "[[[[]]]]", """
                {"@type":"Product","name":true,"sku":{"a":1},"offers":"19.99"}""", """
                {"@type":"Product","name":["",{"x":1}],"offers":[1,"two",null,[{"price":"3"}]]}""", """
                {"@type":"Product","name":"odd offer","offers":{"price":{"amount":"1"},"priceCurrency":5,"priceSpecification":"9.99"}}"""));
        assertEquals(List.of(product(null, null, null, null), product(null, null, null, null), product("odd offer", null, null, null)),
                products);
    }

    @Test
    void hostileNumbersAndNestingNeitherThrowNorGiveAPrice() {
        assertEquals(List.of(), extract(page("{\"@type\":\"Product\",\"offers\":{\"price\":1e-99999999999}}")));
        assertEquals(product(null, null, null, null), one("{\"@type\":\"Product\",\"offers\":{\"price\":1e999999999}}"));
        assertEquals(product(null, null, null, null), one("{\"@type\":\"Product\",\"offers\":{\"price\":1234567890123456.5}}"));
        assertEquals(product(null, null, null, null), one("{\"@type\":\"Product\",\"offers\":{\"price\":0.0000000000001}}"));
        assertEquals(product(null, null, null, null), one("{\"@type\":\"Product\",\"offers\":{\"price\":\"" + "9".repeat(5000) + "\"}}"));
        assertEquals(List.of(), extract(page("[".repeat(100_000) + "]".repeat(100_000))));
        String deep = "{\"a\":".repeat(500) + "{\"@type\":\"Product\",\"name\":\"too deep\"}" + "}".repeat(500);
        assertEquals(List.of(), extract(page(deep)));
    }

    @Test
    void toleratesCommentsTrailingCommasAndRawLineBreaksInStrings() {
        assertEquals(product("Two\nlines", null, "1.00", "EUR"), one("""
                // generated by a theme
                {"@type":"Product", /* the name */ "name":"Two
                lines","offers":{"price":"1.00","priceCurrency":"EUR",},}"""));
    }
}
