package dev.trawl.demoshop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Prices as shoppers read them. */
class PriceFormatTest {

    @Test
    void usPutsTheSymbolFirstWithCommaThousandsAndPointDecimals() {
        assertEquals("$1,299.99", PriceFormat.US.format(new BigDecimal("1299.99"), "USD"));
        assertEquals("£49.00", PriceFormat.US.format(new BigDecimal("49.00"), "GBP"));
        assertEquals("€1,234,567.05", PriceFormat.US.format(new BigDecimal("1234567.05"), "EUR"));
        assertEquals("¥999.10", PriceFormat.US.format(new BigDecimal("999.1"), "JPY"));
        assertEquals("CHF 1,000.00", PriceFormat.US.format(new BigDecimal("1000"), "CHF"), "a code is kept apart from the digits");
    }

    @Test
    void euPutsTheSymbolAfterANoBreakSpaceWithPointThousandsAndCommaDecimals() {
        assertEquals("1.299,99\u00A0€", PriceFormat.EU.format(new BigDecimal("1299.99"), "EUR"));
        assertEquals("49,00\u00A0$", PriceFormat.EU.format(new BigDecimal("49.00"), "USD"));
        assertEquals("1.234.567,05\u00A0£", PriceFormat.EU.format(new BigDecimal("1234567.05"), "GBP"));
        assertEquals("999,10\u00A0kr", PriceFormat.EU.format(new BigDecimal("999.10"), "SEK"));
        assertEquals("100,00\u00A0CHF", PriceFormat.EU.format(new BigDecimal("100.00"), "CHF"));
    }
}
