package dev.trawl.internal.extract;

import dev.trawl.Extractors;
import dev.trawl.extract.Availability;
import dev.trawl.extract.Offer;
import dev.trawl.extract.Page;
import dev.trawl.extract.Product;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each variant's own SKU, GTIN, price and availability in {@code offers}, the same whichever markup
 * states them; an aggregate offer beside the variants' offers summarises them rather than hiding them.
 */
class VariantOffersTest {
    private static final URI PAGE = URI.create("https://shop.test/p/1");
    private static final List<Offer> SOCKS = List.of(
            new Offer("SOCK-S", "036000291452", null, new BigDecimal("4.00"), "EUR", Availability.OUT_OF_STOCK),
            new Offer("SOCK-M", "4006381333931", null, new BigDecimal("4.50"), "EUR", Availability.IN_STOCK));

    private static Product one(String html) {
        List<Product> products = Extractors.products().extract(new Page(PAGE, 200, "text/html", html.getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, products.size(), () -> "products: " + products);
        return products.getFirst();
    }

    private static String jsonLd(String json) {
        return "<script type=\"application/ld+json\">" + json + "</script>";
    }

    @Test
    void eachOfferOfAVariantCarriesItsOwnGtinStatedAsTextOrNumber() {
        Product p = one(jsonLd("""
                {"@type":"Product","name":"Sock","offers":[
                 {"@type":"Offer","sku":"SOCK-S","gtin12":36000291452,"price":"4.00","priceCurrency":"EUR","availability":"OutOfStock"},
                 {"@type":"Offer","sku":"SOCK-M","gtin13":"4006381333931","price":"4.50","priceCurrency":"EUR","availability":"InStock"}]}"""));
        assertEquals(SOCKS, p.offers());
    }

    @Test
    void productGroupVariantsCarryTheirGtinsFromTheVariantOrItsOffer() {
        Product p = one(jsonLd("""
                {"@type":"ProductGroup","name":"Sock","productGroupID":"SOCK","hasVariant":[
                 {"@type":"Product","sku":"SOCK-S","gtin":"036000291452",
                  "offers":{"@type":"Offer","price":"4.00","priceCurrency":"EUR","availability":"OutOfStock"}},
                 {"@type":"Product","offers":{"@type":"Offer","sku":"SOCK-M","gtin13":4006381333931,"price":"4.50","priceCurrency":"EUR",
                  "availability":"InStock"}}]}"""));
        assertEquals(SOCKS, p.offers());
    }

    @Test
    void variantsAGroupRefersToByIdAreItsOffersNotProductsOfThePage() {
        List<Product> products = Extractors.products().extract(new Page(PAGE, 200, "text/html", jsonLd("""
                {"@context":"https://schema.org","@graph":[
                 {"@type":"ProductGroup","@id":"#group","name":"Sock","productGroupID":"SOCK","hasVariant":[{"@id":"#s"},{"@id":"#m"}]},
                 {"@type":"Product","@id":"#s","sku":"SOCK-S","gtin12":"036000291452","isVariantOf":{"@id":"#group"},
                  "offers":{"@type":"Offer","price":"4.00","priceCurrency":"EUR","availability":"OutOfStock"}},
                 {"@type":"Product","@id":"#m","sku":"SOCK-M","gtin13":"4006381333931","isVariantOf":{"@id":"#group"},
                  "offers":{"@type":"Offer","price":"4.50","priceCurrency":"EUR","availability":"InStock"}}]}""")
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, products.size(), () -> "products: " + products);
        assertEquals(SOCKS, products.getFirst().offers());
        assertEquals("SOCK", products.getFirst().sku());
    }

    @Test
    void offersWithAGtinButNoSkuAreVariantsToo() {
        Product p = one(jsonLd("""
                {"@type":"Product","name":"Sock","offers":[{"@type":"Offer","gtin":"036000291452","price":"4.00","priceCurrency":"EUR"},
                 {"@type":"Offer","gtin":"4006381333931","price":"4.50","priceCurrency":"EUR"}]}"""));
        assertEquals(List.of("036000291452", "4006381333931"), p.offers().stream().map(Offer::gtin).toList());
    }

    @Test
    void microdataVariantsAreReadAsJsonLdOnes() {
        Product p = one("""
                <div itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">Sock</h1>
                 <div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><meta itemprop="sku" content="SOCK-S">
                  <meta itemprop="gtin12" content="036000291452"><meta itemprop="price" content="4.00"><meta itemprop="priceCurrency" content="EUR">
                  <link itemprop="availability" href="https://schema.org/OutOfStock"></div>
                 <div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><meta itemprop="sku" content="SOCK-M">
                  <meta itemprop="gtin13" content="4006381333931"><meta itemprop="price" content="4.50"><meta itemprop="priceCurrency" content="EUR">
                  <link itemprop="availability" href="https://schema.org/InStock"></div>
                </div>""");
        assertEquals(SOCKS, p.offers());
        assertEquals("microdata", p.source());
    }

    /** Microdata themes write the summary and each variant's offer side by side, all {@code itemprop="offers"} of the product. */
    private static final String MICRODATA_AGGREGATE_BESIDE_OFFERS = """
            <div itemscope itemtype="http://schema.org/Product"><h1 itemprop="name">Sock</h1>
             <div itemprop="offers" itemscope itemtype="http://schema.org/AggregateOffer">From <span itemprop="lowPrice">4.00</span>
              to <span itemprop="highPrice">4.50</span> <meta itemprop="priceCurrency" content="EUR"><meta itemprop="offerCount" content="2"></div>
             <div itemprop="offers" itemscope itemtype="http://schema.org/Offer"><meta itemprop="sku" content="SOCK-S">
              <meta itemprop="gtin12" content="36000291452"><meta itemprop="price" content="4.00">
              <link itemprop="availability" href="http://schema.org/OutOfStock"></div>
             <div itemprop="offers" itemscope itemtype="http://schema.org/Offer"><meta itemprop="sku" content="SOCK-M">
              <meta itemprop="gtin13" content="4006381333931"><meta itemprop="price" content="4.50"><meta itemprop="priceCurrency" content="EUR">
              <link itemprop="availability" href="http://schema.org/InStock"></div>
            </div>""";

    @Test
    void anAggregateOfferBesideVariantOffersSummarisesThemInMicrodata() {
        Product p = one(MICRODATA_AGGREGATE_BESIDE_OFFERS);
        assertEquals(SOCKS, p.offers(), "the variants, a variant without a currency in the aggregate's");
        assertEquals(new BigDecimal("4.00"), p.price(), "the aggregate's low price");
        assertEquals("EUR", p.currency());
        assertEquals(Availability.OUT_OF_STOCK, p.availability(), "that of the variant at the low price");
        assertEquals(null, p.sku(), "several offers: none is the product's");
    }

    @Test
    void jsonLdInEitherShapeGivesTheSameRecordAsTheMicrodata() {
        String beside = jsonLd("""
                {"@type":"Product","name":"Sock","offers":[{"@type":"AggregateOffer","lowPrice":"4.00","highPrice":"4.50","priceCurrency":"EUR","offerCount":2},
                 {"@type":"Offer","sku":"SOCK-S","gtin12":"36000291452","price":"4.00","availability":"http://schema.org/OutOfStock"},
                 {"@type":"Offer","sku":"SOCK-M","gtin13":"4006381333931","price":"4.50","priceCurrency":"EUR","availability":"http://schema.org/InStock"}]}""");
        String nested = jsonLd("""
                {"@type":"Product","name":"Sock","offers":{"@type":"AggregateOffer","lowPrice":"4.00","highPrice":"4.50","priceCurrency":"EUR","offerCount":2,
                 "offers":[{"@type":"Offer","sku":"SOCK-S","gtin12":"36000291452","price":"4.00","availability":"http://schema.org/OutOfStock"},
                 {"@type":"Offer","sku":"SOCK-M","gtin13":"4006381333931","price":"4.50","priceCurrency":"EUR","availability":"http://schema.org/InStock"}]}}""");
        Product microdata = one(MICRODATA_AGGREGATE_BESIDE_OFFERS).toBuilder().source("json-ld").build();
        assertEquals(microdata, one(beside));
        assertEquals(microdata, one(nested));
    }

    @Test
    void anAggregateOfferThatStatesItsAvailabilityKeepsIt() {
        Product p = one(jsonLd("""
                {"@type":"Product","name":"Sock","offers":{"@type":"AggregateOffer","lowPrice":"4.00","priceCurrency":"EUR","availability":"InStock",
                 "offers":[{"@type":"Offer","sku":"SOCK-S","price":"4.00","availability":"OutOfStock"}]}}"""));
        assertEquals(Availability.IN_STOCK, p.availability());
    }
}
