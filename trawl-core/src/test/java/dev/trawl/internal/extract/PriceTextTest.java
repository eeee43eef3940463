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
            Rs. 2,499                                |      | 2499       |          |      |
            Rs. 2,499                                | INR  | 2499       | INR      |      |
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
            kr 1.299,-                               |      | 1299       |          |      |
            kr 1.299,-                               | SEK  | 1299       | SEK      |      |
            1.299,- kr                               |      | 1299       |          |      |
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

    /** Issue 13, items 6 to 9: a space after the decimal point, which dollar, signs and words, prices with and without VAT. */
    @ParameterizedTest(name = "[{index}] {0} (hint {1})")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # text                                   | hint | amount     | currency | high | was
            392. 00                                  |      | 392.00     |          |      |
            $119. 95                                 |      | 119.95     | USD      |      |
            118, 99 TL                               |      | 118.99     | TRY      |      |
            1.299, 99 €                              |      | 1299.99    | EUR      |      |
            1 299, 99 zł                             |      | 1299.99    | PLN      |      |
            "€12, 50"                                |      | 12.50      | EUR      |      |
            1 160                                    |      | 1160       |          |      |
            NT$ 1 160                                |      | 1160       | TWD      |      |
            12 345,67                                |      | 12345.67   |          |      |
            "€5. 10%"                                |      | 5          | EUR      |      |
            Now $5. 12 left                          |      | 5          | USD      |      |
            "€50 Sizes 38, 40"                       |      | 50         | EUR      |      |
            SGD$4.90                                 |      | 4.90       | SGD      |      |
            NZD $100.70                              |      | 100.70     | NZD      |      |
            NT$ 1,160                                |      | 1160       | TWD      |      |
            AU $59.95                                |      | 59.95      | AUD      |      |
            CAN$1.23                                 |      | 1.23       | CAD      |      |
            Can$ 1.23                                |      | 1.23       | CAD      |      |
            CDN$ 12.99                               |      | 12.99      | CAD      |      |
            US$:12.99                                |      | 12.99      | USD      |      |
            US $12                                   |      | 12         | USD      |      |
            U$S 100                                  |      | 100        | USD      |      |
            HKD$ 88                                  |      | 88         | HKD      |      |
            RD$ 1,250.00                             |      | 1250.00    | DOP      |      |
            TT$ 45                                   |      | 45         | TTD      |      |
            J$ 1,500                                 |      | 1500       | JMD      |      |
            NZD $100.70                              | AUD  | 100.70     | NZD      |      |
            US $12                                   | CAD  | 12         | USD      |      |
            $12                                      | NZD  | 12         | NZD      |      |
            Sale price$15.00Regular price$20.00      |      | 15.00      | USD      |      | 20.00
            ALL $5                                   |      | 5          | USD      |      |
            Top$5                                    |      | 5          | USD      |      |
            EUR: 12,99                               |      | 12.99      | EUR      |      |
            Rp 150.000                               |      | 150000     | IDR      |      |
            Rp1.250.000,00                           |      | 1250000.00 | IDR      |      |
            150.000 TL                               |      | 150000     | TRY      |      |
            1 299 р.                                 |      | 1299       | RUB      |      |
            1 299 руб.                               |      | 1299       | RUB      |      |
            1299 рублей                              |      | 1299       | RUB      |      |
            RM 12.90                                 |      | 12.90      | MYR      |      |
            RM12.90                                  |      | 12.90      | MYR      |      |
            12,99 zł                                 |      | 12.99      | PLN      |      |
            1 200 Kč                                 |      | 1200       | CZK      |      |
            5 000 тенге                              |      | 5000       | KZT      |      |
            5 000 ₸                                  |      | 5000       | KZT      |      |
            12 euro                                  |      | 12         | EUR      |      |
            12,50 Euro                               |      | 12.50      | EUR      |      |
            12 euros                                 |      | 12         | EUR      |      |
            12,99 pln                                |      | 12.99      | PLN      |      |
            eur 12                                   |      | 12         | EUR      |      |
            12 usd                                   |      | 12         | USD      |      |
            12 лв.                                   |      | 12         | BGN      |      |
            120 грн                                  |      | 120        | UAH      |      |
            120 ₴                                    |      | 120        | UAH      |      |
            ₺1.299,99                                |      | 1299.99    | TRY      |      |
            ₩ 12,000                                 |      | 12000      | KRW      |      |
            12.000 ₫                                 |      | 12000      | VND      |      |
            12.000đ                                  |      | 12000      | VND      |      |
            12.000 VNĐ                               |      | 12000      | VND      |      |
            ฿1,290                                   |      | 1290       | THB      |      |
            ₱1,299                                   |      | 1299       | PHP      |      |
            ₦5,000                                   |      | 5000       | NGN      |      |
            150 د.إ                                  |      | 150        | AED      |      |
            د.إ 150                                  |      | 150        | AED      |      |
            150 ر.س                                  |      | 150        | SAR      |      |
            "۱۵۰٬۰۰۰ ر.س"                             |      | 150000     | SAR      |      |
            S/ 25.90                                 |      | 25.90      | PEN      |      |
            S/. 25.90                                |      | 25.90      | PEN      |      |
            SFr. 12.50                               |      | 12.50      | CHF      |      |
            CHF 12.50                                |      | 12.50      | CHF      |      |
            12 kronor                                |      | 12         | SEK      |      |
            ¥1,200                                   | JPY  | 1200       | JPY      |      |
            ¥1,200                                   | USD  | 1200       | JPY      |      |
            EUR29.66 (inc VAT) EUR24.71 (exc VAT)    |      | 29.66      | EUR      |      |
            EUR24.71 (exc VAT) EUR29.66 (inc VAT)    |      | 29.66      | EUR      |      |
            £24.71 ex VAT £29.66 inc VAT             |      | 29.66      | GBP      |      |
            £29.66 inc. VAT £24.71 ex. VAT           |      | 29.66      | GBP      |      |
            Excl. VAT: £24.71 Incl. VAT: £29.66      |      | 29.66      | GBP      |      |
            Incl. VAT: £29.66 Excl. VAT: £24.71      |      | 29.66      | GBP      |      |
            £29.66 (£24.71 ex VAT)                   |      | 29.66      | GBP      |      |
            Price £29.66 (ex VAT £24.71)             |      | 29.66      | GBP      |      |
            £24.71 + VAT £29.66                      |      | 29.66      | GBP      |      |
            29,66 € TTC 24,71 € HT                   |      | 29.66      | EUR      |      |
            24,71 € HT 29,66 € TTC                   |      | 29.66      | EUR      |      |
            24,71 € zzgl. MwSt. 29,66 € inkl. MwSt.  |      | 29.66      | EUR      |      |
            "29,66 € inkl. 19 % MwSt., zzgl. Versand" |     | 29.66      | EUR      |      |
            €24.71 excl. tax €29.66 tax incl.        |      | 29.66      | EUR      |      |
            €29.66 VAT included €24.71 VAT excluded  |      | 29.66      | EUR      |      |
            123,45 zł netto 151,84 zł brutto         |      | 151.84     | PLN      |      |
            $24.71 + VAT                             |      | 24.71      | USD      |      |
            £10 - £20 ex VAT £12 - £24 inc VAT       |      | 12         | GBP      | 24   |
            Was £20.00 Now £15.00 ex VAT             |      | 15.00      | GBP      |      | 20.00
            £14.96 Ex Tax: £12.47                    |      | 14.96      | GBP      |      |
            Ex Tax: £12.47 £14.96                    |      | 14.96      | GBP      |      |
            1,800円(税抜) 1,980円(税込)                  |      | 1980       | JPY      |      |
            "KD 12.500"                              |      | 12.500     | KWD      |      |
            "Price: 7.250 BD"                        |      | 7.250      | BHD      |      |
            "45.900 DT"                              |      | 45.900     | TND      |      |
            "$.1.250,00"                             |      | 1250.00    | USD      |      |
            "$.89,900"                               |      | 89900      | USD      |      |
            "$.99"                                   |      | 0.99       | USD      |      |
            "49€ 90 TTC"                             |      | 49.90      | EUR      |      |
            "10€ 20€"                                |      | 10         | EUR      |      | 20
            "10€ 20 €"                               |      | 10         | EUR      |      | 20
            "1 250 Br"                               |      | 1250       | BYN      |      |
            "KSh 1,200"                              |      | 1200       | KES      |      |
            "TSh 15,000"                             |      | 15000      | TZS      |      |
            "25 KM"                                  |      | 25         | BAM      |      |
            "120 S/."                                |      | 120        | PEN      |      |
            "B/. 15.00"                              |      | 15.00      | PAB      |      |
            """)
    void readsShopTextOfEveryKind(String text, String hint, String amount, String currency, String high, String was) {
        readsPriceText(text, hint, amount, currency, high, was);
    }

    /** An ambiguous sign is the hint's currency when the hint is one of its readings, else absent: never a guess. */
    @ParameterizedTest(name = "[{index}] {0} (hint {1})")
    @CsvSource(delimiter = '|', textBlock = """
            # text        | hint | currency
            99 kr         |      |
            99 kr         | NOK  | NOK
            99 kr.        | DKK  | DKK
            kr 99         | ISK  | ISK
            99 kr         | EUR  |
            99 kroner     | NOK  | NOK
            99 kroner     | SEK  |
            Rs 2,499      |      |
            Rs 2,499      | PKR  | PKR
            Rs. 2,499     | LKR  | LKR
            ₨ 2,499       | INR  | INR
            ₹2,499        | PKR  | INR
            150 ريال      |      |
            150 ريال      | SAR  | SAR
            150 ریال      | IRR  | IRR
            150 ريال      | EUR  |
            150 ريال      | QAR  | QAR
            50 درهم       | AED  | AED
            5 000 FCFA    | XOF  | XOF
            5 000 FCFA    |      |
            150 تومان     |      |
            150 تومان     | IRR  |
            150 toman     | IRR  |
            $12           | EUR  | USD
            $12           |      | USD
            ¥1,200        |      | JPY
            ¥1,200        | CNY  | CNY
            12 dollars    | AUD  | AUD
            """)
    void anAmbiguousSignTakesTheHintOnlyWhenItIsOneOfItsReadings(String text, String hint, String currency) {
        ParsedPrice price = PriceText.parse(text, hint);
        assertNotNull(price, text);
        assertEquals(currency, price.currency(), text + " under " + hint);
    }

    @Test
    void aTomanIsReadAsWrittenNotConvertedToRials() {
        assertEquals(new ParsedPrice(new BigDecimal("150000"), null, null, null), PriceText.parse("150,000 تومان", "IRR"));
    }

    @Test
    void currencyWordsCountOnlyAsWholeWords() {
        assertNull(PriceText.parse("TOTAL 12").currency(), "TL in TOTAL");
        assertNull(PriceText.parse("FORM 12").currency(), "RM in FORM");
        assertNull(PriceText.parse("krone12 12").currency(), "kr in a word");
        assertNull(PriceText.parse("Leica 12").currency(), "lei in a word");
        assertNull(PriceText.parse("рубашка 12").currency(), "руб in a word");
        assertNull(PriceText.parse("Europe 12").currency(), "euro in a word");
        assertNull(PriceText.parse("12 won").currency(), "won is a word");
        assertNull(PriceText.parse("try 12").currency(), "a lower-case code that is a word");
        assertNull(PriceText.parse("all 12").currency(), "a lower-case code that is a word");
        assertEquals("TRY", PriceText.parse("TOTAL: 12 TL").currency());
        assertEquals("MYR", PriceText.parse("FORM RM 12").currency());
        assertEquals("USD", PriceText.parse("Sale price$15.00").currency(), "a word glued to $ is no prefix");
    }

    @Test
    void everySignNamesARealCurrency() {
        for (String code : CurrencySigns.allCodes()) {
            assertEquals(code, Currency.getInstance(code).getCurrencyCode(), code);
            assertEquals(code, PriceText.isoCode(code), code);
        }
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
