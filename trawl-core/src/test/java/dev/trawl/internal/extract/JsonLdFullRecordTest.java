package dev.trawl.internal.extract;

import dev.trawl.extract.Availability;
import dev.trawl.extract.Condition;
import dev.trawl.extract.Offer;
import dev.trawl.extract.Product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fields of the record beyond name, sku, price and currency, as JSON-LD states them. */
class JsonLdFullRecordTest {

    private static Product one(String... jsonLd) {
        List<Product> products = JsonLdProductExtractorTest.extract(JsonLdProductExtractorTest.page(jsonLd));
        assertEquals(1, products.size(), () -> "products: " + products);
        return products.getFirst();
    }

    @Test
    void thePageUrlIsTheUrlAndTheProductsOwnIsTheCanonicalUrl() {
        Product p = one("{\"@type\":\"Product\",\"url\":\"/p/mug?ref=x\",\"@id\":\"https://shop.test/other#product\"}");
        assertEquals("https://shop.test/p/1", p.url().toString());
        assertEquals("https://shop.test/p/mug?ref=x", p.canonicalUrl(), "made absolute against the page");
        assertEquals("https://shop.test/mug", one("{\"@type\":\"Product\",\"@id\":\"https://shop.test/mug#product\"}").canonicalUrl(),
                "an @id, without the fragment that names the node");
        assertNull(one("{\"@type\":\"Product\",\"@id\":\"#product\"}").canonicalUrl(), "an @id that is no http(s) URL");
        assertNull(one("{\"@type\":\"Product\",\"@id\":\"urn:sku:1\"}").canonicalUrl());
    }

    @Test
    void readsTheBrandAsTextAnObjectOrAReference() {
        assertEquals("Acme", one("{\"@type\":\"Product\",\"brand\":\"Acme\"}").brand());
        assertEquals("Acme", one("{\"@type\":\"Product\",\"brand\":{\"@type\":\"Brand\",\"name\":\"Acme\"}}").brand());
        assertEquals("Acme", one("{\"@type\":\"Product\",\"brand\":[{\"@type\":\"Organization\",\"name\":\"Acme\"}]}").brand());
        assertEquals("Acme", one("""
                {"@graph":[{"@type":"Organization","@id":"#org","name":"Acme","url":"https://acme.test"},
                           {"@type":"Product","brand":{"@id":"#org"}}]}""").brand());
        assertNull(one("{\"@type\":\"Product\",\"brand\":{\"@type\":\"Brand\"}}").brand());
    }

    @Test
    void aProductGroupWithoutASkuHasItsGroupId() {
        assertEquals("G-1", one("{\"@type\":\"ProductGroup\",\"productGroupID\":\"G-1\"}").sku());
        assertEquals("S-1", one("{\"@type\":\"ProductGroup\",\"sku\":\"S-1\",\"productGroupID\":\"G-1\"}").sku());
        assertNull(one("{\"@type\":\"Product\",\"productGroupID\":\"G-1\"}").sku(), "only a group's");
    }

    @Test
    void readsTheFirstValidGtinAsDigits() {
        assertEquals("4006381333931", one("{\"@type\":\"Product\",\"gtin\":\"n/a\",\"gtin13\":\"4006381-333931\"}").gtin());
        assertEquals("012345678905", one("{\"@type\":\"Product\",\"gtin12\":\"0 12345 67890 5\",\"gtin8\":\"12345670\"}").gtin());
        assertEquals("12345670", one("{\"@type\":\"Product\",\"gtin8\":12345670}").gtin());
        assertNull(one("{\"@type\":\"Product\",\"gtin13\":\"123\"}").gtin(), "not a GTIN's length");
    }

    @Test
    void identifiersFallBackToTheProductsOnlyOffer() {
        Product p = one("""
                {"@type":"Product","offers":{"@type":"Offer","sku":"O-1","gtin13":"4006381333931","mpn":"M-1","price":"1.00"}}""");
        assertEquals(List.of("O-1", "4006381333931", "M-1"), List.of(p.sku(), p.gtin(), p.mpn()));
        Product several = one("""
                {"@type":"Product","offers":[{"@type":"Offer","sku":"O-1","price":"1.00"},{"@type":"Offer","sku":"O-2","price":"2.00"}]}""");
        assertNull(several.sku(), "several offers are variants, none of them the product");
    }

    @Test
    void aListPriceIsKeptOnlyAboveTheSellingPrice() {
        String spec = """
                {"@type":"Product","offers":{"@type":"Offer","price":"%s","priceCurrency":"EUR","priceSpecification":
                  {"@type":"%s","price":"99.00","priceCurrency":"%s"}}}""";
        assertEquals(new BigDecimal("99.00"), one(spec.formatted("79.00", "ListPrice", "EUR")).listPrice(), "typed ListPrice");
        assertEquals(new BigDecimal("99.00"), one(spec.formatted("79.00", "MSRP", "EUR")).listPrice());
        assertNull(one(spec.formatted("99.00", "ListPrice", "EUR")).listPrice(), "not lower: no sale");
        assertNull(one(spec.formatted("120.00", "ListPrice", "EUR")).listPrice());
        assertNull(one(spec.formatted("79.00", "ListPrice", "USD")).listPrice(), "another currency");
        assertNull(one(spec.formatted("79.00", "UnitPriceSpecification", "EUR")).listPrice(), "a selling price, not a list price");
    }

    @Test
    void readsAvailabilityConditionAndSellerOfTheOfferThatGaveThePrice() {
        Product p = one("""
                {"@type":"Product","itemCondition":"UsedCondition","offers":[
                  {"@type":"Offer","availability":"Discontinued"},
                  {"@type":"Offer","price":"5.00","availability":"https://schema.org/InStock","itemCondition":"https://schema.org/RefurbishedCondition",
                   "seller":{"@type":"Organization","name":"Re-Sell"}}]}""");
        assertEquals(Availability.IN_STOCK, p.availability());
        assertEquals(Condition.REFURBISHED, p.condition(), "the offer's condition before the product's");
        assertEquals("Re-Sell", p.seller());
        assertEquals(Condition.USED, one("{\"@type\":\"Product\",\"itemCondition\":\"UsedCondition\"}").condition());
        assertEquals("Shop", one("{\"@type\":\"Product\",\"offers\":{\"price\":\"1\",\"seller\":\"Shop\"}}").seller());
    }

    @Test
    void readsImagesOfEveryShapeOnceEach() {
        Product p = one("""
                {"@type":"Product","image":["/a.jpg",{"@type":"ImageObject","url":"https://cdn.test/b.jpg"},
                  {"@type":"ImageObject","contentUrl":"//cdn.test/c.jpg"},"https://shop.test/a.jpg","data:image/png;base64,AAAA",""]}""");
        assertEquals(List.of("https://shop.test/a.jpg", "https://cdn.test/b.jpg", "https://cdn.test/c.jpg"), p.images());
        assertEquals(List.of("https://cdn.test/d.jpg"), one("{\"@type\":\"Product\",\"image\":{\"url\":\"https://cdn.test/d.jpg\"}}").images());
    }

    @Test
    void readsTheRatingExactlyAndTheReviewCountElseTheRatingCount() {
        Product p = one("{\"@type\":\"Product\",\"aggregateRating\":{\"ratingValue\":4.50,\"reviewCount\":\"12\",\"ratingCount\":40}}");
        assertEquals("4.50", p.rating().toString());
        assertEquals(12, p.reviewCount());
        Product q = one("{\"@type\":\"Product\",\"aggregateRating\":{\"ratingValue\":\"4,7\",\"ratingCount\":40}}");
        assertEquals("4.7", q.rating().toString());
        assertEquals(40, q.reviewCount());
        Product bad = one("{\"@type\":\"Product\",\"aggregateRating\":{\"ratingValue\":\"great\",\"reviewCount\":\"1.5\",\"ratingCount\":-3}}");
        assertNull(bad.rating());
        assertNull(bad.reviewCount());
        assertNull(one("{\"@type\":\"Product\",\"aggregateRating\":{\"reviewCount\":99999999999}}").reviewCount(), "beyond an int");
    }

    @Test
    void offersWithDistinctSkusAreVariantsAndSharedSkusAreNot() {
        Product p = one("""
                {"@type":"Product","offers":[{"@type":"Offer","sku":"A","name":"Small","price":"1.00","priceCurrency":"EUR","availability":"InStock"},
                  {"@type":"Offer","sku":"B","price":"2.00","priceCurrency":"EUR","availability":"OutOfStock"}]}""");
        assertEquals(List.of(new Offer("A", "Small", new BigDecimal("1.00"), "EUR", Availability.IN_STOCK),
                new Offer("B", null, new BigDecimal("2.00"), "EUR", Availability.OUT_OF_STOCK)), p.offers());
        assertEquals(List.of(), one("""
                {"@type":"Product","offers":[{"sku":"A","price":"1.00"},{"sku":"A","price":"1.20"}]}""").offers(), "two sellers of one item");
        assertEquals(List.of(), one("""
                {"@type":"Product","offers":[{"sku":"A","price":"1.00"},{"price":"1.20"}]}""").offers(), "an offer without a SKU");
        assertEquals(List.of(), one("{\"@type\":\"Product\",\"offers\":[{\"sku\":\"A\",\"price\":\"1.00\"}]}").offers(), "one offer");
    }

    @Test
    void splitsACategoryTextIntoLevels() {
        assertEquals(List.of("Shoes", "Running"), one("{\"@type\":\"Product\",\"category\":\"Home > Shoes > Running\"}").category());
        assertEquals(List.of("Shoes", "Running"), one("{\"@type\":\"Product\",\"category\":\"Shoes/Running\"}").category());
        assertEquals(List.of("Shoes", "Running"), one("{\"@type\":\"Product\",\"category\":{\"@type\":\"Thing\",\"name\":\"Shoes › Running\"}}").category());
        assertEquals(List.of("T-Shirts", "Men/Women"), one("{\"@type\":\"Product\",\"category\":\"T-Shirts > Men/Women\"}").category());
        assertEquals(List.of(), one("{\"@type\":\"Product\",\"category\":\"https://www.google.com/basepages/producttype/taxonomy.txt\"}").category());
    }

    @Test
    void takesTheCategoryFromTheBreadcrumbsLessHomeAndTheProductItself() {
        String crumbs = """
                {"@type":"BreadcrumbList","itemListElement":[
                  {"@type":"ListItem","position":3,"name":"Mugs","item":"https://shop.test/kitchen/mugs"},
                  {"@type":"ListItem","position":1,"name":"Start","item":"https://shop.test/"},
                  {"@type":"ListItem","position":2,"item":{"@id":"https://shop.test/kitchen","name":"Kitchen"}},
                  {"@type":"ListItem","position":4,"name":"%s"%s}]}""";
        String mug = "{\"@type\":\"Product\",\"name\":\"Blue Mug\",\"url\":\"https://shop.test/mugs/blue\"}";
        List<String> path = List.of("Kitchen", "Mugs");
        assertEquals(path, one(crumbs.formatted("Blue Mug", ",\"item\":\"https://shop.test/x\""), mug).category(), "named as the product");
        assertEquals(path, one(crumbs.formatted("Blue", ",\"item\":\"https://shop.test/mugs/blue/\""), mug).category(), "its URL");
        assertEquals(path, one(crumbs.formatted("Blue", ",\"item\":\"https://shop.test/p/1#top\""), mug).category(), "the page's URL");
        assertEquals(path, one(crumbs.formatted("Blue", ""), mug).category(), "the current page's crumb without a link");
        assertEquals(List.of("Kitchen", "Mugs", "Sale"), one(crumbs.formatted("Sale", ",\"item\":\"https://shop.test/sale\""), mug).category());
    }

    @Test
    void prefersTheBreadcrumbsBesideTheProductAndGivesAListingsProductsNone() {
        String other = """
                {"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"name":"A","item":"https://shop.test/a"},
                  {"@type":"ListItem","position":2,"name":"B","item":"https://shop.test/b"}]}""";
        String beside = """
                {"@graph":[{"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"name":"Mugs","item":"https://shop.test/m"}]},
                  {"@type":"Product","name":"Mug"}]}""";
        assertEquals(List.of("Mugs"), one(other, beside).category());
        assertEquals(List.of("A", "B"), one(other, "{\"@type\":\"Product\",\"name\":\"Mug\"}").category());
        List<Product> listing = JsonLdProductExtractorTest.extract(JsonLdProductExtractorTest.page(other,
                "[{\"@type\":\"Product\",\"name\":\"Mug\"},{\"@type\":\"Product\",\"name\":\"Cup\"}]"));
        assertEquals(List.of(List.of(), List.of()), listing.stream().map(Product::category).toList());
    }
}
