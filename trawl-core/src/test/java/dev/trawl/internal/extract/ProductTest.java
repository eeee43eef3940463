package dev.trawl.internal.extract;

import dev.trawl.extract.Product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
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
