package dev.trawl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trawl.demoshop.CatalogueProduct;
import dev.trawl.demoshop.DemoShop;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Compares the demo's products file with the shops' catalogues, field by field. */
final class DemoCheck {
    private DemoCheck() {}

    record Result(long exact, long expected) {}

    static Result verify(Path productsFile, List<DemoShop> shops) throws IOException {
        Map<String, CatalogueProduct> expected = new HashMap<>();
        for (DemoShop shop : shops) {
            for (long id = 0; id < shop.catalogue().size(); id++) {
                CatalogueProduct p = shop.catalogue().product(id);
                expected.put(shop.baseUri().resolve(p.path()).toString(), p);
            }
        }
        long total = expected.size();
        ObjectMapper json = new ObjectMapper();
        long exact = 0;
        try (BufferedReader in = Files.newBufferedReader(productsFile)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode n = json.readTree(line);
                CatalogueProduct p = expected.remove(n.path("url").asText());
                if (p != null && p.name().equals(n.path("name").asText()) && p.sku().equals(n.path("sku").asText())
                        && n.hasNonNull("price") && p.price().compareTo(new BigDecimal(n.get("price").asText())) == 0
                        && Objects.equals(p.currency(), n.path("currency").asText())) {
                    exact++;
                }
            }
        }
        return new Result(exact, total);
    }
}
