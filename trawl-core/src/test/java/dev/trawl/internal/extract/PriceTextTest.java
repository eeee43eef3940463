package dev.trawl.internal.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PriceTextTest {

    /** Exact: the same number at the same scale ("12.50" is not "12.5"), or both absent. */
    private static void assertExact(String expected, BigDecimal actual, String what) {
        if (expected == null) {
            assertNull(actual, what);
            return;
        }
        assertNotNull(actual, what);
        BigDecimal e = new BigDecimal(expected);
        assertEquals(0, e.compareTo(actual), what + ": " + actual);
        assertEquals(e.scale(), actual.scale(), what + " scale: " + actual);
    }

    @ParameterizedTest(name = "[{index}] {0} (hint {1})")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # text                                   | hint | amount     | currency | high | was
            $1,299.99                                |      | 1299.99    | USD      |      |
            1.299,99 €                               |      | 1299.99    | EUR      |      |
            EUR 12,50                                |      | 12.50      | EUR      |      |
            €12,50                                   |      | 12.50      | EUR      |      |
            12,50 €                                  |      | 12.50      | EUR      |      |
            12,5 €                                   |      | 12.5       | EUR      |      |
            ¥1,200                                   |      | 1200       | JPY      |      |
            ¥1,200                                   | CNY  | 1200       | CNY      |      |
            Rs. 2,499                                |      | 2499       | INR      |      |
            Rs.2,499                                 | PKR  | 2499       | PKR      |      |
            ₹2,499.00                                |      | 2499.00    | INR      |      |
            ₹1,23,456.00                             |      | 123456.00  | INR      |      |
            from £9.99                               |      | 9.99       | GBP      |      |
            From: $5                                 |      | 5          | USD      |      |
            ab 9,99 €                                |      | 9.99       | EUR      |      |
            £10 - £20                                |      | 10         | GBP      | 20   |
            $10–$20                                  |      | 10         | USD      | 20   |
            $10 to $20                               |      | 10         | USD      | 20   |
            10 € bis 20 €                            |      | 10         | EUR      | 20   |
            Von 10,00 € bis 20,00 €                  |      | 10.00      | EUR      | 20.00|
            10 - 20 €                                |      | 10         | EUR      | 20   |
            €10-20                                   |      | 10         | EUR      | 20   |
            de $10 a $20                             | MXN  | 10         | MXN      | 20   |
            ¥1,000〜¥2,000                            |      | 1000       | JPY      | 2000 |
            CHF 1'299.90                             |      | 1299.90    | CHF      |      |
            1’299.00 CHF                             |      | 1299.00    | CHF      |      |
            Fr. 12.50                                |      | 12.50      | CHF      |      |
            1 299,99 zł                              |      | 1299.99    | PLN      |      |
            "1\u00a0299,99\u00a0€"                   |      | 1299.99    | EUR      |      |
            "1\u202f299,99\u202f€"                   |      | 1299.99    | EUR      |      |
            "1\u2009234\u2009567,89 €"               |      | 1234567.89 | EUR      |      |
            1.234.567,89 €                           |      | 1234567.89 | EUR      |      |
            1,234,567.89                             |      | 1234567.89 |          |      |
            R$ 1.299,90                              |      | 1299.90    | BRL      |      |
            kr 1.299,-                               |      | 1299       | SEK      |      |
            1.299,- kr                               |      | 1299       | SEK      |      |
            1.299,- kr                               | NOK  | 1299       | NOK      |      |
            kr 99                                    | DKK  | 99         | DKK      |      |
            2.499 kr                                 | ISK  | 2499       | ISK      |      |
            12,– €                                   |      | 12         | EUR      |      |
            12.345 ₫                                 |      | 12345      | VND      |      |
            1 234 567 ₫                              |      | 1234567    | VND      |      |
            US$ 19.99                                |      | 19.99      | USD      |      |
            C$19.99                                  |      | 19.99      | CAD      |      |
            CA$ 25.00                                |      | 25.00      | CAD      |      |
            A$ 25                                    |      | 25         | AUD      |      |
            AU$25                                    |      | 25         | AUD      |      |
            NZ$ 30                                   |      | 30         | NZD      |      |
            HK$ 1,280                                |      | 1280       | HKD      |      |
            S$12.90                                  |      | 12.90      | SGD      |      |
            MX$ 1,299                                |      | 1299       | MXN      |      |
            19.99 USD                                |      | 19.99      | USD      |      |
            USD19.99                                 |      | 19.99      | USD      |      |
            $1,299.99 USD                            |      | 1299.99    | USD      |      |
            $19.99 CAD                               |      | 19.99      | CAD      |      |
            $5                                       | CAD  | 5          | CAD      |      |
            $5                                       | EUR  | 5          | USD      |      |
            $1.299                                   | CLP  | 1299       | CLP      |      |
            ₩12,000                                  |      | 12000      | KRW      |      |
            1,234.56 ₽                               |      | 1234.56    | RUB      |      |
            PLN 12,99                                |      | 12.99      | PLN      |      |
            JP¥ 3,980                                |      | 3980       | JPY      |      |
            CN¥ 88                                   |      | 88         | CNY      |      |
            88元                                      |      | 88         | CNY      |      |
            1,200円                                   |      | 1200       | JPY      |      |
            ￥１，２００                                  |      | 1200       | JPY      |      |
            ₹१,२९९                                   |      | 1299       | INR      |      |
            ₺1.299,99                                |      | 1299.99    | TRY      |      |
            "\u200f₪ 49.90"                          |      | 49.90      | ILS      |      |
            ₱1,299.00                                |      | 1299.00    | PHP      |      |
            ฿1,290                                   |      | 1290       | THB      |      |
            1 290 Ft                                 |      | 1290       | HUF      |      |
            499 Kč                                   |      | 499        | CZK      |      |
            49,99 lei                                |      | 49.99      | RON      |      |
            R 1 299,00                               |      | 1299.00    | ZAR      |      |
            R199                                     |      | 199        | ZAR      |      |
            £25                                      | EGP  | 25         | EGP      |      |
            Was $20.00 Now $15.00                    |      | 15.00      | USD      |      | 20.00
            $20.00 $15.00                            |      | 15.00      | USD      |      | 20.00
            $15.00 $20.00                            |      | 15.00      | USD      |      | 20.00
            Now $15 $20                              |      | 15         | USD      |      | 20
            $20 Now $15                              |      | 15         | USD      |      | 20
            £25 was £30                              |      | 25         | GBP      |      | 30
            RRP £30 Our price £25                    |      | 25         | GBP      |      | 30
            statt 29,99 € nur 19,99 €                |      | 19.99      | EUR      |      | 29.99
            19,99 € statt 29,99 €                    |      | 19.99      | EUR      |      | 29.99
            UVP 49,99 € Jetzt 39,99 €                |      | 39.99      | EUR      |      | 49.99
            1.299,99 € 999,99 €                      |      | 999.99     | EUR      |      | 1299.99
            Sale price$15.00Regular price$20.00      |      | 15.00      | USD      |      | 20.00
            Regular price $20.00 Sale price $15.00   |      | 15.00      | USD      |      | 20.00
            £25.00 £30.00 Save £5.00                 |      | 25.00      | GBP      |      | 30.00
            $15.00 (-25%)                            |      | 15.00      | USD      |      |
            -25% $15.00 $20.00                       |      | 15.00      | USD      |      | 20.00
            $5 off $25.00                            |      | 25.00      | USD      |      |
            Was $30 Now $10 - $20                    |      | 10         | USD      | 20   | 30
            €20 ($22)                                |      | 20         | EUR      |      |
            Was £30                                  |      | 30         | GBP      |      |
            $12.00 ($1.20 / 100 g)                   |      | 12.00      | USD      |      |
            "2,49 € / kg"                            |      | 2.49       | EUR      |      |
            Prix : 12,99 €                           |      | 12.99      | EUR      |      |
            12€50                                    |      | 12.50      | EUR      |      |
            1 299€99                                 |      | 1299.99    | EUR      |      |
            12.99 in store                           |      | 12.99      |          |      |
            2 for 12.99                              |      | 12.99      |          |      |
            12,99 €*                                 |      | 12.99      | EUR      |      |
            Price: $12.00 incl. VAT                  |      | 12.00      | USD      |      |
            Price: 1.299,00 EUR inkl. MwSt.          |      | 1299.00    | EUR      |      |
            Only 3 left! $9.99                       |      | 9.99       | USD      |      |
            "Only 3 left!\u00a0&\u00a0$9.99 each"    |      | 9.99       | USD      |      |
            Free                                     | EUR  | 0          | EUR      |      |
            Free                                     |      | 0          |          |      |
            Gratis                                   | NOK  | 0          | NOK      |      |
            0.99                                     |      | 0.99       |          |      |
            0.99                                     | gbp  | 0.99       | GBP      |      |
            19.99                                    | USD  | 19.99      | USD      |      |
            1,299                                    |      | 1299       |          |      |
            1.299                                    |      | 1299       |          |      |
            1,299                                    | KWD  | 1.299      | KWD      |      |
            1.299                                    | BHD  | 1.299      | BHD      |      |
            KWD 1,299                                |      | 1.299      | KWD      |      |
            TND 1,299                                |      | 1.299      | TND      |      |
            OMR 12.500                               |      | 12.500     | OMR      |      |
            1,29                                     |      | 1.29       |          |      |
            0,999                                    |      | 0.999      |          |      |
            1.5                                      |      | 1.5        |          |      |
            $.99                                     |      | 0.99       | USD      |      |
            $0.00                                    |      | 0.00       | USD      |      |
            $999999999999999                         |      | 999999999999999 | USD |      |
            """)
    void readsPriceText(String text, String hint, String amount, String currency, String high, String was) {
        ParsedPrice price = PriceText.parse(text, hint);
        assertNotNull(price, text);
        assertExact(amount, price.amount(), text + " amount");
        assertEquals(currency, price.currency(), text + " currency");
        assertExact(high, price.high(), text + " high");
        assertExact(was, price.was(), text + " was");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\u00a0", "Price on request", "Sold out", "Call for price", "Out of stock", "Ausverkauft",
            "Prix sur demande", "Free shipping", "Free delivery on orders", "-", "–", "$", "€", "EUR", "kr", "R", "Rs.",
            "20%", "Save 20%", "Save $5", "$5 off", "N/A", "TBA", "1.2.3", "12,99.00", "1,299,99", "$9999999999999999",
            "9999999999999999.00 €", "12.5.2024 €", "Only 2 left in stock", "12 items", "(120 reviews)"})
    void returnsNullWhenTheTextStatesNoPrice(String text) {
        assertNull(PriceText.parse(text), text);
        assertNull(PriceText.parse(text, "EUR"), text);
    }

    @Test
    void theOneArgumentFormHasNoHint() {
        assertEquals(new ParsedPrice(new BigDecimal("12.50"), "EUR", null, null), PriceText.parse("12,50 €"));
        assertNull(PriceText.parse("12,50").currency());
    }

    @Test
    void ignoresAHintThatIsNotACurrency() {
        for (String hint : new String[] {"", "XYZ", "dollars", "EURO", "XXX", "XAU", "€", "12"}) {
            ParsedPrice price = PriceText.parse("12.50", hint);
            assertNull(price.currency(), hint);
            assertEquals("USD", PriceText.parse("$12.50", hint).currency(), hint);
        }
    }

    @Test
    void wordsThatMerelyLookLikeCurrenciesAreNot() {
        assertNull(PriceText.parse("R & D"));
        assertNull(PriceText.parse("10 ft").currency(), "feet, not forints");
        assertEquals("ZAR", PriceText.parse("R 10").currency());
        assertNull(PriceText.parse("ABC 10").currency(), "not an ISO 4217 code");
        assertNull(PriceText.parse("Bar 10").currency(), "only whole upper-case words are codes");
    }

    @Test
    void readsOnlyTheFirst200Characters() {
        assertEquals(new BigDecimal("5"), PriceText.parse("$5 " + "x".repeat(1_000)).amount());
        assertNull(PriceText.parse("x".repeat(PriceText.MAX_SCAN) + "$5"));
    }

    @Test
    void hostileInputCostsLittle() {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (String unit : new String[] {"1,", "1 ", "9", "$", "-", "1.-", "US$1 ", "kr. ", "1'"}) {
                String text = unit.repeat(500_000);
                for (int i = 0; i < 100; i++) {
                    PriceText.parse(text, "EUR");
                }
            }
        });
    }

    @Test
    void neverThrowsAndOnlyReturnsSanePrices() {
        String[] pieces = {"0", "1", "2", "9", "12", "299", "000", ".", ",", " ", "\u00a0", "\u202f", "'", "’", "-", "–",
                ",-", "%", "/", "$", "US$", "C$", "R$", "R", "€", "£", "¥", "₹", "₫", "kr", "Rs.", "zł", "Ft", "lei", "元",
                "EUR", "USD", "KWD", "XAU", "ABC", "was", "now", "save", "off", "to", "bis", "free", "per", ":", "(", ")",
                "!", "a", "\u200f", "\ud83d", "\ude00", "१", "１", "，"};
        String[] hints = {null, "", "EUR", "usd", "CAD", "DKK", "CNY", "KWD", "JPY", "XXX", "x", "€"};
        Random random = new Random(20261125);
        for (int n = 0; n < 100_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                if (random.nextInt(8) == 0) {
                    text.append((char) random.nextInt(Character.MAX_VALUE + 1));
                } else {
                    text.append(pieces[random.nextInt(pieces.length)]);
                }
            }
            String hint = hints[random.nextInt(hints.length)];
            ParsedPrice price;
            try {
                price = PriceText.parse(text.toString(), hint);
            } catch (RuntimeException e) {
                fail("threw for \"" + text + "\" with hint " + hint, e);
                return;
            }
            if (price != null) {
                assertSane(price.amount(), text);
                if (price.high() != null) {
                    assertSane(price.high(), text);
                    assertTrue(price.high().compareTo(price.amount()) > 0, text::toString);
                }
                if (price.was() != null) {
                    assertSane(price.was(), text);
                }
                if (price.currency() != null) {
                    assertEquals(price.currency(), Currency.getInstance(price.currency()).getCurrencyCode());
                }
            }
        }
    }

    private static void assertSane(BigDecimal value, CharSequence text) {
        assertTrue(value.signum() >= 0, text::toString);
        assertTrue(value.precision() - value.scale() <= 15, text::toString);
        assertTrue(value.scale() >= 0, text::toString);
    }

    @Test
    void aParsedPriceAlwaysHasAnAmount() {
        assertThrows(NullPointerException.class, () -> new ParsedPrice(null, "EUR", null, null));
    }
}
