package dev.trawl.internal.extract;

import dev.trawl.extract.Availability;
import dev.trawl.Extractors;
import dev.trawl.extract.Offer;
import dev.trawl.extract.Page;
import dev.trawl.extract.Product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MicrodataProductExtractorTest {
    private static final URI PAGE = URI.create("https://shop.test/p/1");

    static List<Product> extract(String html) {
        return Extractors.microdataProducts().extract(new Page(PAGE, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8)));
    }

    private static Product one(String body) {
        List<Product> products = extract("<!doctype html><html><body>" + body + "</body></html>");
        assertEquals(1, products.size(), () -> "products: " + products);
        return products.getFirst();
    }

    @Test
    void readsEachElementsValueAsTheHtmlStandardSays() {
        Product p = one("""
                <div itemscope itemtype="https://schema.org/Product">
                  <h1 itemprop="name">  Desk   Lamp </h1>
                  <meta itemprop="sku" content="DL-1">
                  <img itemprop="image" src="/img/lamp.jpg" alt="">
                  <a itemprop="url" href="../lamp">Lamp</a>
                  <data itemprop="gtin13" value="4006381333931">EAN</data>
                  <span itemprop="mpn" content="DL-1-EU">shown text</span>
                  <div itemprop="offers" itemscope itemtype="https://schema.org/Offer">
                    <span itemprop="price" content="39.90">39,90 €</span><meta itemprop="priceCurrency" content="EUR">
                    <link itemprop="availability" href="https://schema.org/PreOrder">
                    <time itemprop="availabilityStarts" datetime="2026-12-01">December</time>
                  </div>
                </div>""");
        assertEquals(Product.builder().url(PAGE).canonicalUrl("https://shop.test/lamp").name("Desk Lamp").sku("DL-1")
                .gtin("4006381333931").mpn("DL-1-EU").price(new BigDecimal("39.90")).currency("EUR").availability(Availability.PRE_ORDER)
                .images(List.of("https://shop.test/img/lamp.jpg")).source("microdata").build(), p);
    }

    @Test
    void urlsAreResolvedAgainstTheDocumentsBase() {
        List<Product> products = extract("""
                <html><head><base href="https://cdn.test/shop/"></head><body><div itemscope itemtype="https://schema.org/Product">
                <img itemprop="image" src="a.jpg"><img itemprop="image" src="https://img.test/b.jpg"><link itemprop="url" href="/p/x"></div>""");
        assertEquals(List.of("https://cdn.test/shop/a.jpg", "https://img.test/b.jpg"), products.getFirst().images());
        assertEquals("https://cdn.test/p/x", products.getFirst().canonicalUrl());
    }

    @Test
    void aNestedProductsPropertiesAreItsOwnAndItIsNoProductOfThePage() {
        Product p = one("""
                <div itemscope itemtype="http://schema.org/Product">
                  <span itemprop="name">Tent</span>
                  <div itemprop="isRelatedTo" itemscope itemtype="http://schema.org/Product">
                    <span itemprop="name">Footprint</span><meta itemprop="sku" content="FP-1"><img itemprop="image" src="/fp.jpg">
                    <div itemprop="offers" itemscope itemtype="http://schema.org/Offer"><meta itemprop="price" content="20.00"></div>
                  </div>
                  <div itemprop="brand" itemscope itemtype="http://schema.org/Brand"><span itemprop="name">Outdoor Co</span></div>
                  <div itemprop="aggregateRating" itemscope itemtype="http://schema.org/AggregateRating">
                    <span itemprop="ratingValue">4.2</span><span itemprop="reviewCount">8</span></div>
                </div>""");
        assertEquals("Tent", p.name());
        assertNull(p.sku());
        assertNull(p.price());
        assertEquals(List.of(), p.images());
        assertEquals("Outdoor Co", p.brand());
        assertEquals(new BigDecimal("4.2"), p.rating());
        assertEquals(8, p.reviewCount());
    }

    @Test
    void recognisesTheProductTypesHttpOrHttpsAndAmongOtherTypes() {
        List<Product> products = extract("""
                <div itemscope itemtype="http://schema.org/Product"><span itemprop="name">a</span></div>
                <div itemscope itemtype="https://schema.org/IndividualProduct"><span itemprop="name">b</span></div>
                <div itemscope itemtype="https://schema.org/Thing https://schema.org/Product"><span itemprop="name">c</span></div>
                <div itemscope itemtype="https://schema.org/Offer"><div itemprop="itemOffered" itemscope itemtype="https://schema.org/Product">
                  <span itemprop="name">d</span></div><meta itemprop="price" content="4.00"></div>
                <div itemscope itemtype="https://schema.org/Review"><span itemprop="name">not a product</span></div>
                <div itemscope><span itemprop="name">untyped</span></div>""");
        assertEquals(List.of("a", "b", "c", "d"), products.stream().map(Product::name).toList());
        assertEquals(new BigDecimal("4.00"), products.get(3).price(), "the price of the offer it is the itemOffered of");
    }

    @Test
    void anElementWithSeveralPropertyNamesGivesItsValueToEach() {
        Product p = one("<div itemscope itemtype=\"https://schema.org/Product\"><span itemprop=\"name alternateName\">Kettle</span>"
                + "<span itemprop=\"sku productID\">K-1</span></div>");
        assertEquals(List.of("Kettle", "K-1"), List.of(p.name(), p.sku()));
    }

    @Test
    void aPageWithoutItemscopeIsNeverParsed() {
        PageSource none = PageSource.of(new Page(PAGE, 200, "text/html", "<div itemprop=\"name\">x</div>".getBytes(StandardCharsets.UTF_8)));
        assertFalse(MicrodataProductExtractor.mayHaveItems(none));
        assertEquals(List.of(), extract("<html><body><div itemtype=\"https://schema.org/Product\">no scope</div></body></html>"));
    }

    @Test
    void deepOrBrokenMarkupNeitherThrowsNorLoops() {
        String deep = "<div itemscope itemtype=\"https://schema.org/Product\" itemprop=\"isRelatedTo\">".repeat(5_000);
        assertEquals(1, extract("<div itemscope itemtype=\"https://schema.org/Product\">" + deep).size(), "related products are not the page's");
        assertEquals(1, extract("<div itemscope itemtype=\"https://schema.org/Product\"><span itemprop=\"name\">x" + "<b>".repeat(20_000)).size());
        assertEquals(List.of(), extract("<div itemscope <<<>>> itemtype="));
    }
}
