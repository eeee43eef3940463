package dev.trawl.internal.extract;

import dev.trawl.Extractors;
import dev.trawl.extract.Page;
import dev.trawl.extract.Product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GTINs written as JSON numbers, and UPC-As that lost their leading zero, on every extractor path. */
class GtinTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static String gtinOf(String gtinJson) {
        return gtinOf("gtin13", gtinJson);
    }

    private static String gtinOf(String field, String gtinJson) {
        List<Product> products = JsonLdProductExtractorTest.extract(JsonLdProductExtractorTest.page(
                "{\"@type\":\"Product\",\"name\":\"Mug\",\"" + field + "\":" + gtinJson + "}"));
        assertEquals(1, products.size());
        return products.getFirst().gtin();
    }

    @Test
    void aJsonNumberIsReadAsTheDigitsItIs() {
        assertEquals("7612345000114", gtinOf("7612345000114"), "as Shopify's Dawn theme prints a barcode");
        assertEquals("7612345000114", gtinOf("7.612345000114E12"));
        assertEquals("7612345000114", gtinOf("7.612345000114e+12"));
        assertEquals("7612345000114", gtinOf("7612345000114.000"), "a whole number written with decimals");
        assertEquals("05012345678900", gtinOf("\"05012345678900\""), "text keeps its zeros");
        assertEquals("12345670", gtinOf("gtin", "12345670"));
    }

    @Test
    void numbersThatAreNoWholeGtinStateNone() {
        assertNull(gtinOf("7612345000114.5"), "a fraction");
        assertNull(gtinOf("-7612345000114"));
        assertNull(gtinOf("0"));
        assertNull(gtinOf("123456789012345"), "15 digits");
        assertNull(gtinOf("1E1000000000"), "a billion digits, refused before any is written");
        assertNull(gtinOf("1.5E3"));
    }

    @Test
    void digitsAreReadExactlyFromEveryKindOfJsonNumberNode() {
        assertEquals("7612345000114", Gtin.of(JSON.numberNode(7612345000114L)));
        assertEquals("7612345000114", Gtin.of(JSON.numberNode(new BigInteger("7612345000114"))));
        assertEquals("7612345000114", Gtin.of(JSON.numberNode(7.612345000114E12)), "a double holds every 14-digit whole number exactly");
        assertEquals("7612345000114", Gtin.of(JSON.numberNode(new BigDecimal("76123450001140E-1"))));
        assertEquals("012345678905", Gtin.of(JSON.numberNode(12345678905L)));
    }

    @Test
    void elevenDigitsAreAUpcAWhoseLeadingZeroWasLostWhenTheCheckDigitHolds() {
        assertEquals("036000291452", gtinOf("gtin", "36000291452"), "a JSON number");
        assertEquals("036000291452", gtinOf("\"36000291452\""), "text from a spreadsheet");
        assertEquals("012345678905", Gtin.digits("1 23456 78905"));
        assertNull(gtinOf("gtin", "36000291453"), "a wrong check digit: not a UPC at all");
        assertNull(Gtin.digits("3600029145"), "10 digits");
    }

    @Test
    void aNumberInASizedFieldGetsBackTheZerosItLost() {
        // Dawn prints "gtin12": {{ variant.barcode }}: JSON with a leading zero, read all the same.
        assertEquals("036000291452", gtinOf("gtin12", "036000291452"));
        assertEquals("036000291452", gtinOf("gtin12", "36000291452"));
        assertEquals("00012345678905", gtinOf("gtin14", "00012345678905"));
        assertEquals("01234565", gtinOf("gtin8", "1234565"));
        assertEquals("0036000291452", gtinOf("gtin13", "36000291452"));
        assertNull(gtinOf("gtin12", "36000291453"), "the check digit does not hold");
    }

    @Test
    void checksTheGs1CheckDigit() {
        assertTrue(Gtin.checkDigitHolds("4006381333931"));
        assertTrue(Gtin.checkDigitHolds("036000291452"));
        assertTrue(Gtin.checkDigitHolds("05012345678900"));
        assertFalse(Gtin.checkDigitHolds("4006381333932"));
    }

    @Test
    void microdataAndOpenGraphPutTheZeroBackToo() {
        URI url = URI.create("https://shop.test/p/1");
        String microdata = "<div itemscope itemtype=\"https://schema.org/Product\"><span itemprop=\"name\">Mug</span>"
                + "<meta itemprop=\"gtin12\" content=\"36000291452\"></div>";
        String openGraph = "<meta property=\"og:type\" content=\"product\"><meta property=\"product:upc\" content=\"36000291452\">";
        for (String html : List.of(microdata, openGraph)) {
            List<Product> products = Extractors.products().extract(new Page(url, 200, "text/html", html.getBytes(StandardCharsets.UTF_8)));
            assertEquals("036000291452", products.getFirst().gtin(), html);
        }
    }
}
