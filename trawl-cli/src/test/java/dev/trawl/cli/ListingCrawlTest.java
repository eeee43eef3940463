package dev.trawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trawl.demoshop.CatalogueProduct;
import dev.trawl.demoshop.DemoShop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's listing example, {@code crawl --start .../c/kitchen --follow 'a.product-link'}, against
 * the demo shop over loopback: one line per product, read from its own page, though each listing
 * page's ItemList names the products it links to.
 */
class ListingCrawlTest {
    @TempDir
    Path dir;

    @Test
    void aListingAndItsProductPagesGiveOneRecordPerProduct() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(500).start()) {
            Set<String> kitchen = new HashSet<>();
            for (long id = 0; id < shop.catalogue().size(); id++) {
                CatalogueProduct p = shop.catalogue().product(id);
                if (p.category().equals("kitchen")) {
                    kitchen.add(p.sku());
                }
            }
            Path out = dir.resolve("kitchen.jsonl");
            CrawlCommandTest.Run run = CrawlCommandTest.trawl("crawl", "--start", shop.baseUri().resolve("/c/kitchen").toString(),
                    "--follow", "a.product-link", "--max-depth", "1", "--out", out.toString());
            assertEquals(0, run.code(), run.err());

            List<String> lines = Files.readAllLines(out);
            ObjectMapper json = new ObjectMapper();
            Set<String> skus = new HashSet<>();
            for (String line : lines) {
                JsonNode p = json.readTree(line);
                assertTrue(p.get("url").asText().contains("/p/"), "read from the product's own page: " + line);
                assertTrue(p.has("availability"), "with what only the product page states: " + line);
                assertTrue(skus.add(p.get("sku").asText()), "once: " + line);
            }
            assertEquals(kitchen, skus);
            assertEquals(42, lines.size(), "README's figure");
        }
    }
}
