package dev.trawl.internal.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trawl.Sinks;
import dev.trawl.crawl.CrawlResult;
import dev.trawl.crawl.Outcome;
import dev.trawl.extract.Product;
import dev.trawl.output.ResultSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV cells a spreadsheet would run as a formula are shown instead (OWASP, CSV injection), unless raw is asked. */
class CsvTest {
    private static final List<String> COLUMNS = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l");
    private static final Object[] ROW = {"=HYPERLINK(\"http://evil.example/\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx",
            "plain", new BigDecimal("-5.00"), -3, List.of("=a", "b"), null, "a=b"};

    @TempDir
    Path dir;

    private static String write(boolean raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Csv csv = new Csv(bytes, COLUMNS, raw);
        csv.row(COLUMNS, ROW);
        csv.close();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void textCellsStartingAsAFormulaGetALeadingQuoteAndNumbersStayNumbers() throws IOException {
        assertEquals("a,b,c,d,e,f,g,h,i,j,k,l\r\n"
                + "\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"x\"\")\",'+1+1,'-2+3,'@SUM(A1),'\tx,\"'\rx\",plain,-5.00,-3,'=a | b,,a=b\r\n",
                write(false));
    }

    @Test
    void rawWritesEveryCellAsItIs() throws IOException {
        assertEquals("a,b,c,d,e,f,g,h,i,j,k,l\r\n"
                + "\"=HYPERLINK(\"\"http://evil.example/\"\",\"\"x\"\")\",+1+1,-2+3,@SUM(A1),\tx,\"\rx\",plain,-5.00,-3,=a | b,,a=b\r\n",
                write(true));
    }

    @Test
    void theProductsSinkIsSafeByDefaultAndRawWhenAsked() throws IOException {
        URI url = URI.create("https://shop.test/p/1");
        Product p = Product.builder().url(url).name("=1+1").sku("-5").price(new BigDecimal("5.00")).currency("EUR").source("json-ld").build();
        CrawlResult result = new CrawlResult(url, "list:1", url.toString(), new Outcome.Done(200, 0, Duration.ZERO, 1, url), List.of(p),
                Instant.EPOCH);
        Path safe = dir.resolve("safe.csv");
        Path raw = dir.resolve("raw.csv");
        try (ResultSink a = Sinks.products(safe); ResultSink b = Sinks.products(raw, Sinks.CsvCells.RAW)) {
            a.accept(result);
            b.accept(result);
        }
        assertEquals("https://shop.test/p/1,,'=1+1,,'-5,,,5.00,EUR,,,,,,,,,,json-ld,1970-01-01T00:00:00Z,200",
                Files.readAllLines(safe).get(1));
        assertEquals("https://shop.test/p/1,,=1+1,,-5,,,5.00,EUR,,,,,,,,,,json-ld,1970-01-01T00:00:00Z,200",
                Files.readAllLines(raw).get(1));
    }
}
