package dev.trawl.internal.engine;

import static dev.trawl.internal.engine.CrawlEngineTest.crawl;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trawl.Sinks;
import dev.trawl.Trawl;
import dev.trawl.crawl.CrawlSummary;
import dev.trawl.crawl.Seeds;
import dev.trawl.demoshop.DemoShop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A product is one record per crawl, however many pages show it: the products file has one line
 * for each site and SKU (else canonical URL), while every URL keeps its own outcome.
 */
@Timeout(60)
class OneRecordPerProductTest {
    @TempDir
    Path dir;

    @Test
    void twoUrlsOfOneProductGiveOneLineAndTwoOutcomes() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(10).start()) {
            String base = "http://127.0.0.1:" + shop.baseUri().getPort();
            Path products = dir.resolve("products.jsonl");
            Path csv = dir.resolve("products.csv");
            Path outcomes = dir.resolve("outcomes.jsonl");
            List<String> seeds = List.of(base + "/p/1", base + "/p/1?ref=mail", base + "/p/2");
            CrawlSummary s = crawl(Trawl.crawl().seeds(Seeds.urls(seeds)).obeyRobots(false).sink(Sinks.products(products))
                    .sink(Sinks.products(csv)).sink(Sinks.outcomes(outcomes)));

            assertEquals(3, s.counts().done(), "each URL fetched");
            assertEquals(3, Files.readAllLines(outcomes).size());
            List<String> skus = new ArrayList<>();
            ObjectMapper json = new ObjectMapper();
            for (String line : Files.readAllLines(products)) {
                skus.add(json.readTree(line).get("sku").asText());
            }
            assertEquals(2, skus.size(), "lines: " + skus);
            assertEquals(Set.of(shop.catalogue().product(1).sku(), shop.catalogue().product(2).sku()), Set.copyOf(skus));
            assertEquals(3, Files.readAllLines(csv).size(), "a header and a line a product");
        }
    }
}
