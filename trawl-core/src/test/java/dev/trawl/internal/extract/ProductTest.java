package dev.trawl.internal.extract;

import dev.trawl.extract.Offer;
import dev.trawl.extract.Product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductTest {

    @Test
    void everyFieldMayBeAbsent() {
        Product p = TestProducts.jsonLd(null, null, null, null);
        assertNull(p.name());
        assertNull(p.sku());
        assertNull(p.price());
        assertNull(p.currency());
    }

    @Test
    void textFieldsLoseTheirControlCharactersWhoeverBuildsTheProduct() {
        Product p = Product.builder().url(URI.create("https://shop.test/p/1")).name("Mug\u001b]0;pwned\u0007\u001b[2J\tBlue\nLarge")
                .brand("\u009b31mAcme").sku("S-1\r\n").gtin("4006381333931\u0000").mpn("\u0007").seller("Shop\u007f Ltd")
                .canonicalUrl("https://shop.test/p/1\u001b").images(List.of("https://shop.test/a.jpg\n", "\u0007"))
                .category(List.of("Home\u001b", "Mugs")).offers(List.of(new Offer("V-1\u001b", "Blue\tMug", BigDecimal.ONE, "EUR", null)))
                .source("json-ld").build();
        assertEquals("Mug]0;pwned[2J Blue Large", p.name());
        assertEquals("31mAcme", p.brand());
        assertEquals("S-1", p.sku());
        assertEquals("4006381333931", p.gtin());
        assertNull(p.mpn(), "nothing left of it: absent");
        assertEquals("Shop Ltd", p.seller());
        assertEquals("https://shop.test/p/1", p.canonicalUrl());
        assertEquals(List.of("https://shop.test/a.jpg"), p.images());
        assertEquals(List.of("Home", "Mugs"), p.category());
        assertEquals(new Offer("V-1", "Blue Mug", BigDecimal.ONE, "EUR", null), p.offers().getFirst());
        assertEquals(p, p.toBuilder().build());
        assertEquals("Mug]0;pwned[2J Blue Large", Product.builder().build().orElse(p).name());
    }

    @Test
    void refusesANegativePrice() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TestProducts.jsonLd("x", null, new BigDecimal("-0.01"), null));
        assertEquals("price must not be negative: -0.01", e.getMessage());
    }

    @Test
    void refusesACurrencyThatIsNotThreeUpperCaseLetters() {
        for (String bad : new String[] {"usd", "US$", "EURO", "", "ÉUR"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TestProducts.jsonLd("x", null, BigDecimal.ONE, bad));
            assertEquals("currency must be three upper-case letters A-Z: \"" + bad + "\"", e.getMessage());
        }
        assertEquals("USD", TestProducts.jsonLd("x", null, BigDecimal.ONE, "USD").currency());
    }
}
