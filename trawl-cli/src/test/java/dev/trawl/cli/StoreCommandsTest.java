package dev.trawl.cli;

import static dev.trawl.cli.CrawlCommandTest.trawl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trawl.demoshop.CatalogueProduct;
import dev.trawl.demoshop.DemoShop;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** crawl --store, runs, export and diff, as a user runs them: a shop crawled on day 1 and again on day 2. */
class StoreCommandsTest {
    private static final int PRODUCTS = 120;
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

    @TempDir
    Path dir;

    @Test
    void twoDaysOfCrawlsGiveTwoRunsExportsAndTheExactPriceChanges() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path store = dir.resolve("crawl.db");
        Map<Integer, List<CatalogueProduct>> days = new TreeMap<>();
        for (int day = 1; day <= 2; day++) {
            try (DemoShop shop = DemoShop.builder().address("127.0.0.63").port(port).products(PRODUCTS).day(day).start()) {
                CrawlCommandTest.Run crawl = trawl("crawl", "--site", shop.baseUri().toString(), "--store", store.toString(),
                        "--out", dir.resolve("day" + day + ".jsonl").toString());
                assertEquals(0, crawl.code(), crawl.err());
                assertTrue(crawl.out().contains("store: run " + day + " of job crawl, finished"), crawl.out());
                assertTrue(crawl.err().contains("trawl: " + PRODUCTS + " products of run " + day + " written from"), crawl.err());
                if (day == 2) {
                    assertTrue(crawl.out().contains("pages unchanged since the last run (304)"), crawl.out());
                }
                List<CatalogueProduct> products = new java.util.ArrayList<>();
                for (long id = 0; id < PRODUCTS; id++) {
                    products.add(shop.catalogue().product(id));
                }
                days.put(day, products);
            }
        }
        CrawlCommandTest.Run runs = trawl("runs", store.toString());
        assertEquals(0, runs.code(), runs.err());
        assertEquals(3, runs.out().lines().count(), runs.out());
        assertTrue(runs.out().lines().skip(1).allMatch(l -> l.contains("finished") && l.trim().endsWith(" " + PRODUCTS)), runs.out());

        Path csv = dir.resolve("run1.csv");
        CrawlCommandTest.Run export = trawl("export", store.toString(), "--run", "1", "--out", csv.toString());
        assertEquals(0, export.code(), export.err());
        assertEquals(PRODUCTS + 1, Files.readAllLines(csv).size());
        assertEquals(Files.readAllLines(dir.resolve("day1.jsonl")).size(), PRODUCTS);
        CrawlCommandTest.Run toOut = trawl("export", store.toString(), "--run", "1");
        assertEquals(0, toOut.code(), toOut.err());
        assertEquals(Files.readAllLines(dir.resolve("day1.jsonl")), toOut.out().lines().toList(), "standard output is the command's own");

        Path changes = dir.resolve("changes.json");
        CrawlCommandTest.Run diff = trawl("diff", store.toString(), "--format", "json", "--out", changes.toString());
        assertEquals(0, diff.code(), diff.err());
        Map<String, String> actual = new TreeMap<>();
        for (String line : Files.readAllLines(changes)) {
            JsonNode c = JSON.readTree(line);
            actual.put(c.get("key").asText(), c.get("change").asText() + " " + c.path("old_price").decimalValue() + " -> "
                    + c.path("new_price").decimalValue());
        }
        Map<String, String> expected = new TreeMap<>();
        for (int i = 0; i < PRODUCTS; i++) {
            CatalogueProduct a = days.get(1).get(i);
            CatalogueProduct b = days.get(2).get(i);
            boolean price = a.price().compareTo(b.price()) != 0;
            boolean availability = !a.availabilityTerm().equals(b.availabilityTerm());
            if (price || availability) {
                expected.put("sku:" + b.sku(), (price && availability ? "price,availability" : price ? "price" : "availability") + " "
                        + a.price() + " -> " + b.price());
            }
        }
        assertTrue(expected.size() > 10, "the shop changed prices: " + expected.size());
        assertEquals(expected, actual);
        CrawlCommandTest.Run diffToOut = trawl("diff", store.toString(), "--format", "json");
        assertEquals(Files.readAllLines(changes), diffToOut.out().lines().toList(), "standard output is the command's own");

        CrawlCommandTest.Run table = trawl("diff", store.toString());
        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().startsWith("run 1 -> run 2"), table.out());
        Map<String, Long> kinds = new TreeMap<>();
        expected.values().forEach(v -> kinds.merge(v.substring(0, v.indexOf(' ')), 1L, Long::sum));
        String tally = "changes: " + kinds.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(java.util.stream.Collectors.joining(", "));
        assertTrue(table.out().trim().endsWith(tally), table.out() + " " + tally);
    }

    @Test
    void readingAStoreThatIsNotThereIsAOneLineError() {
        CrawlCommandTest.Run r = trawl("export", dir.resolve("missing.db").toString());
        assertEquals(1, r.code());
        assertEquals("trawl: " + dir.resolve("missing.db") + ": no such store\n", r.err());
    }
}
