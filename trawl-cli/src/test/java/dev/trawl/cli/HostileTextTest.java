package dev.trawl.cli;

import static dev.trawl.cli.CrawlCommandTest.trawl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text a hostile page or file holds, as a user meets it (issue 12, items 9 and 10): CSV cells a spreadsheet would run
 * as formulas, product names and URL-file lines with terminal escapes, a 1 MB line. The pages are served by a tiny
 * HTTP server of the test's own, whose products change between "day 1" and "day 2".
 */
class HostileTextTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String HYPERLINK = "=HYPERLINK(\"http://evil.example/\",\"click me\")";
    static final String ESCAPES = "Mug\u001b]0;pwned\u0007\u001b[2J\tBlue\nLarge\u009b31m";

    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicInteger day = new AtomicInteger(1);
    /** sku -> name, in page order: /p/0, /p/1, ... */
    private final Map<String, String> names = new LinkedHashMap<>();

    @BeforeEach
    void serve() throws IOException {
        names.put("F-1", HYPERLINK);
        names.put("F-2", "+cmd|' /C calc'!A0");
        names.put("F-3", "-2+3");
        names.put("F-4", "@SUM(1+1)");
        names.put("T-1", ESCAPES);
        List<String> skus = List.copyOf(names.keySet());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            int status = 404;
            if (path.startsWith("/p/")) {
                int i = Integer.parseInt(path.substring(3));
                String sku = skus.get(i);
                // Day 2 halves every price: the diff's percent column is -50, a negative number that must stay a number.
                String price = day.get() == 1 ? (10 + i) + ".00" : String.format(java.util.Locale.ROOT, "%.2f", (10 + i) / 2.0);
                Map<String, Object> product = new LinkedHashMap<>();
                product.put("@context", "https://schema.org");
                product.put("@type", "Product");
                product.put("name", names.get(sku));
                product.put("sku", sku);
                product.put("offers", Map.of("@type", "Offer", "price", price, "priceCurrency", "EUR",
                        "availability", "https://schema.org/InStock"));
                body = ("<!doctype html><html><head><title>p</title><script type=\"application/ld+json\">"
                        + JSON.writeValueAsString(product) + "</script></head><body><h1>product</h1></body></html>")
                        .getBytes(StandardCharsets.UTF_8);
                status = 200;
            } else {
                body = "not here".getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().set("Content-Type", status == 200 ? "text/html; charset=utf-8" : "text/plain");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private Path urlFile() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            text.append(base().resolve("/p/" + i)).append('\n');
        }
        return Files.writeString(dir.resolve("urls.txt"), text);
    }

    @Test
    void csvTextCellsThatASpreadsheetWouldRunGetALeadingQuoteUnlessRawIsAsked() throws Exception {
        Path urls = urlFile();
        Path csv = dir.resolve("products.csv");
        CrawlCommandTest.Run run = trawl("crawl", "--urls", urls.toString(), "--out", csv.toString(), "--quiet");
        assertEquals(0, run.code(), run.err());
        List<List<String>> rows = parse(Files.readString(csv));
        assertEquals(names.size() + 1, rows.size(), rows.toString());
        assertNoCellRunsAsAFormula(rows);
        Map<String, String> bySku = column(rows, "sku", "name");
        assertEquals("'" + HYPERLINK, bySku.get("F-1"));
        assertEquals("'+cmd|' /C calc'!A0", bySku.get("F-2"));
        assertEquals("'-2+3", bySku.get("F-3"));
        assertEquals("'@SUM(1+1)", bySku.get("F-4"));
        assertEquals("10.00", column(rows, "sku", "price").get("F-1"), "numbers are written as they are");
        // The quote sits inside the quoted field, once: "'=HYPERLINK(""http://...
        assertTrue(Files.readString(csv).contains(",\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"click me\"\")\","), Files.readString(csv));

        Path raw = dir.resolve("raw.csv");
        CrawlCommandTest.Run rawRun = trawl("crawl", "--urls", urls.toString(), "--out", raw.toString(), "--csv-raw", "--quiet");
        assertEquals(0, rawRun.code(), rawRun.err());
        Map<String, String> rawNames = column(parse(Files.readString(raw)), "sku", "name");
        assertEquals(HYPERLINK, rawNames.get("F-1"));
        assertEquals("-2+3", rawNames.get("F-3"));
        assertEquals("@SUM(1+1)", rawNames.get("F-4"));
    }

    @Test
    void exportAndDiffCsvNeutraliseTextCellsAndKeepNegativeNumbersNumeric() throws Exception {
        Path urls = urlFile();
        Path store = dir.resolve("crawl.db");
        for (int d = 1; d <= 2; d++) {
            day.set(d);
            CrawlCommandTest.Run crawl = trawl("crawl", "--urls", urls.toString(), "--store", store.toString(), "--quiet");
            assertEquals(0, crawl.code(), crawl.err());
        }
        CrawlCommandTest.Run export = trawl("export", store.toString(), "--format", "csv");
        assertEquals(0, export.code(), export.err());
        List<List<String>> exported = parse(export.out());
        assertEquals(names.size() + 1, exported.size(), export.out());
        assertNoCellRunsAsAFormula(exported);
        assertEquals("'" + HYPERLINK, column(exported, "sku", "name").get("F-1"));

        CrawlCommandTest.Run rawExport = trawl("export", store.toString(), "--format", "csv", "--csv-raw");
        assertEquals(0, rawExport.code(), rawExport.err());
        assertEquals(HYPERLINK, column(parse(rawExport.out()), "sku", "name").get("F-1"));

        Path changes = dir.resolve("changes.csv");
        CrawlCommandTest.Run diff = trawl("diff", store.toString(), "--format", "csv", "--out", changes.toString());
        assertEquals(0, diff.code(), diff.err());
        List<List<String>> diffRows = parse(Files.readString(changes));
        assertEquals(names.size() + 1, diffRows.size(), Files.readString(changes));
        assertNoCellRunsAsAFormula(diffRows);
        assertEquals("'" + HYPERLINK, column(diffRows, "key", "name").get("sku:F-1"));
        Map<String, String> percents = column(diffRows, "key", "percent");
        assertTrue(percents.values().stream().allMatch(p -> p.matches("-50(\\.0+)?")), "percent stays a negative number: " + percents);

        CrawlCommandTest.Run rawDiff = trawl("diff", store.toString(), "--format", "csv", "--csv-raw");
        assertEquals(0, rawDiff.code(), rawDiff.err());
        assertEquals(HYPERLINK, column(parse(rawDiff.out()), "key", "name").get("sku:F-1"));
    }

    @Test
    void productTextWithTerminalEscapesIsCleanedInRecordsAndEscapedWhereverItIsPrinted() throws Exception {
        Path urls = urlFile();
        Path store = dir.resolve("crawl.db");
        String job = "nightly\u001b[2J";
        for (int d = 1; d <= 2; d++) {
            day.set(d);
            Path out = dir.resolve("day" + d + ".jsonl");
            CrawlCommandTest.Run crawl = trawl("crawl", "--urls", urls.toString(), "--store", store.toString(), "--job", job,
                    "--out", out.toString());
            assertEquals(0, crawl.code(), crawl.err());
            assertPrintable(crawl.out());
            assertPrintable(crawl.err());
            assertTrue(crawl.out().contains("of job nightly\\u001b[2J"), crawl.out());
            Map<String, String> products = new LinkedHashMap<>();
            for (String line : Files.readAllLines(out)) {
                JsonNode n = JSON.readTree(line);
                products.put(n.get("sku").asText(), n.get("name").asText());
            }
            // ESC, BEL and CSI (U+009B) dropped; the tab and the line feed became spaces.
            assertEquals("Mug]0;pwned[2J Blue Large31m", products.get("T-1"), products.toString());
        }
        CrawlCommandTest.Run table = trawl("diff", store.toString());
        assertEquals(0, table.code(), table.err());
        assertPrintable(table.out());
        assertTrue(table.out().contains("Mug]0;pwned[2J Blue Large31m"), table.out());
        CrawlCommandTest.Run runs = trawl("runs", store.toString());
        assertPrintable(runs.out());
        assertTrue(runs.out().contains("nightly\\u001b[2J"), runs.out());

        // A store written before names were cleaned (or by other code) still holds the raw text: the table escapes it.
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + store);
             PreparedStatement update = db.prepareStatement("UPDATE products SET name = ? WHERE sku = 'T-1'")) {
            update.setString(1, ESCAPES);
            assertEquals(2, update.executeUpdate());
        }
        CrawlCommandTest.Run raw = trawl("diff", store.toString());
        assertEquals(0, raw.code(), raw.err());
        assertPrintable(raw.out());
        String row = raw.out().lines().filter(l -> l.contains("sku:T-1")).findFirst().orElseThrow(() -> new AssertionError(raw.out()));
        assertTrue(row.contains("Mug\\u001b]0;pwned\\u0007\\u001b[2…"), row); // cut to the name column
    }

    @Test
    void urlFileWarningsEscapeControlCharactersAndCutAVeryLongLine() throws Exception {
        String huge = "x".repeat(1_000_000);
        Path urls = Files.writeString(dir.resolve("urls.txt"), base().resolve("/p/0") + "\n"
                + "http://exa\u001b]0;pwned\u0007mple.test/\n"
                + "\u009b2J not a url\n"
                + huge + "\n", StandardCharsets.UTF_8);
        CrawlCommandTest.Run run = trawl("crawl", "--urls", urls.toString(), "--quiet");
        assertEquals(0, run.code(), brief(run.err()));
        assertPrintable(run.err());
        List<String> warnings = run.warnings().lines().toList();
        assertEquals(3, warnings.size(), brief(run.err()));
        assertTrue(warnings.get(0).startsWith("trawl: " + urls + ":2: host 'exa\\u001b]0;pwned\\u0007mple.test' has a character no host"
                + " may have: '\\u001b': "), brief(warnings.get(0)));
        assertTrue(warnings.get(0).endsWith(": http://exa\\u001b]0;pwned\\u0007mple.test/ (skipped)"), warnings.get(0));
        assertTrue(warnings.get(1).endsWith(": \\u009b2J not a url (skipped)"), warnings.get(1));
        String cut = warnings.get(2);
        assertTrue(cut.startsWith("trawl: " + urls + ":4: "), brief(cut));
        assertTrue(cut.endsWith(": " + "x".repeat(200) + "… (skipped)"), brief(cut));
        assertTrue(cut.length() < 400 + urls.toString().length(), "cut at 200 characters: " + cut.length());

        CrawlCommandTest.Run json = trawl("crawl", "--urls", urls.toString(), "--quiet", "--log-json");
        assertEquals(0, json.code(), brief(json.err()));
        assertPrintable(json.err());
        List<String> messages = new ArrayList<>();
        for (String line : json.err().lines().toList()) {
            messages.add(JSON.readTree(line).path("message").asText());
        }
        assertEquals(3, messages.size(), brief(json.err()));
        messages.forEach(HostileTextTest::assertPrintable);
        assertTrue(messages.get(0).endsWith(": http://exa\\u001b]0;pwned\\u0007mple.test/ (skipped)"), messages.get(0));
    }

    @Test
    void errorLinesThatEchoAnArgumentEscapeIt() {
        CrawlCommandTest.Run unknown = trawl("crawl", "--urls", "x.txt", "--concurrency\u001b]0;pwned\u0007", "8");
        assertEquals(2, unknown.code());
        assertPrintable(unknown.err());
        assertTrue(unknown.err().contains("--concurrency\\u001b]0;pwned\\u0007"), unknown.err());
        CrawlCommandTest.Run missing = trawl("crawl", "--urls", dir.resolve("no\u001b[2J.txt").toString());
        assertEquals(2, missing.code());
        assertEquals("trawl: cannot read --urls " + dir.resolve("no\\u001b[2J.txt") + ": no such file\n", missing.err());
    }

    /** A failure's message shows at most 2,000 characters of a text (the old code printed the 1 MB line whole). */
    private static String brief(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000) + "... (" + text.length() + " characters)";
    }

    /** No C0 control character but the line feed, no DEL, no C1 control character. */
    static void assertPrintable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int at = i;
            boolean control = c < 0x20 && c != '\n' || c >= 0x7F && c <= 0x9F;
            assertFalse(control, () -> String.format("control character U+%04X at %d in: %s", (int) c, at,
                    text.length() > 2000 ? text.substring(Math.max(0, at - 200), Math.min(text.length(), at + 200)) : text));
        }
    }

    /** No text cell starts with = + - @ tab or CR; a cell that does must be a number. */
    static void assertNoCellRunsAsAFormula(List<List<String>> rows) {
        for (List<String> row : rows) {
            for (String cell : row) {
                if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
                    assertTrue(cell.matches("-\\d+(\\.\\d+)?"), "a cell a spreadsheet runs: " + cell + " in " + row);
                }
            }
        }
    }

    /** Column {@code value} by column {@code key}. */
    static Map<String, String> column(List<List<String>> rows, String key, String value) {
        List<String> header = rows.getFirst();
        int k = header.indexOf(key);
        int v = header.indexOf(value);
        Map<String, String> out = new LinkedHashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            out.put(row.get(k), row.get(v));
        }
        return out;
    }

    /** RFC 4180: rows of cells, quoted fields unquoted. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        if (!row.isEmpty() || cell.length() > 0) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
