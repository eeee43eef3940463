package dev.trawl.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PricesTest {

    private static void assertPrice(String expected, String text) {
        BigDecimal parsed = Prices.parse(text);
        assertEquals(new BigDecimal(expected), parsed, text);
        assertEquals(expected, parsed.toString(), text);
    }

    @Test
    void readsPlainDecimalsExactlyWithTheirDigits() {
        assertPrice("19.99", "19.99");
        assertPrice("1299", "1299");
        assertPrice("49.00", "49.00");
        assertPrice("0.99", " 0.99 ");
        assertPrice("0.99", "\u00a00.99\u202f");
        assertPrice("0.5", ".5");
        assertPrice("0", "0");
    }

    @Test
    void readsADecimalCommaOnlyWhenItIsTheOnlyCommaBeforeExactlyTwoDigits() {
        assertPrice("19.99", "19,99");
        assertPrice("0.50", "0,50");
        assertNull(Prices.parse("19,9"));
        assertNull(Prices.parse("19,999"));
        assertNull(Prices.parse("1,299"), "1299 or 1.299?");
        assertNull(Prices.parse("1.299,99"), "a dot and a comma");
        assertNull(Prices.parse("1,2,99"));
    }

    @Test
    void readsThousandsSeparatorsOnlyWhenUnambiguous() {
        assertPrice("1299.99", "1,299.99");
        assertPrice("1299000", "1,299,000");
        assertPrice("1299.99", "1 299,99");
        assertPrice("1299.99", "1\u00a0299.99");
        assertPrice("1299000", "1\u202f299\u202f000");
        assertNull(Prices.parse("12,99.00"));
        assertNull(Prices.parse("19 99"), "not a thousands group");
    }

    @Test
    void rejectsSignsSymbolsWordsAndAbsurdNumbers() {
        for (String text : List.of("", " ", "-5", "-5.00", "+5", "$5", "5 EUR", "€5", "five", "5.", "1e3", "NaN", "Infinity", "0x1F",
                "1.2.3", "\uff15", "\u0665", "9".repeat(16), "0." + "1".repeat(13), "1".repeat(70))) {
            assertNull(Prices.parse(text), text);
        }
        assertNull(Prices.parse(null));
    }

    @Test
    void checksNumbersWithoutChangingTheirDigits() {
        assertEquals("1299.5", Prices.check(new BigDecimal("1299.5")).toString());
        assertEquals("1000", Prices.check(new BigDecimal("1E+3")).toString());
        assertEquals("0.50", Prices.check(new BigDecimal("0.50")).toString());
        assertEquals("0.5", Prices.check(new BigDecimal("0.50000000000000")).toString(), "only a scale past the limit is trimmed");
        assertEquals("999999999999999", Prices.check(new BigDecimal("999999999999999")).toString());
        assertNull(Prices.check(new BigDecimal("1000000000000000")));
        assertNull(Prices.check(new BigDecimal("-0.01")));
        assertNull(Prices.check(new BigDecimal("1E+999999999")));
        assertNull(Prices.check(null));
    }

    @Test
    void acceptsThreeLetterCurrencyCodesUpperCased() {
        assertEquals("EUR", Prices.currency("EUR"));
        assertEquals("USD", Prices.currency("usd"));
        assertEquals("GBP", Prices.currency(" gbp\n"));
        for (String text : List.of("US$", "EURO", "EU", "€", "E1R", "", "ÉUR", "\uff25UR")) {
            assertNull(Prices.currency(text), text);
        }
        assertNull(Prices.currency(null));
    }
}
