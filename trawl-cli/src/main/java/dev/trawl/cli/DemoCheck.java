package dev.trawl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trawl.demoshop.DemoShop;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the demo's products file with the shops' catalogues, every field: a product is exact
 * when its line holds what the shop's page states and nothing else (the crawl's own fields,
 * source, fetched_at and http_status, aside).
 */
final class DemoCheck {
    private static final List<String> CRAWL_FIELDS = List.of("source", "fetched_at", "http_status");

    private DemoCheck() {}

    /** @param firstMismatch a product that was not exact, with what differed; null when all were */
    record Result(long exact, long expected, String firstMismatch) {}

    static Result verify(Path productsFile, List<DemoShop> shops) throws IOException {
        // Decimals kept exact, scale included: 49.00 is not 49.0.
        ObjectMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();
        Map<String, String> expected = new HashMap<>();
        for (DemoShop shop : shops) {
            for (long id = 0; id < shop.catalogue().size(); id++) {
                expected.put(shop.baseUri().resolve(shop.catalogue().product(id).path()).toString(), shop.expectedLine(id));
            }
        }
        long total = expected.size();
        long exact = 0;
        String mismatch = null;
        try (BufferedReader in = Files.newBufferedReader(productsFile)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                ObjectNode got = (ObjectNode) json.readTree(line);
                String want = expected.remove(got.path("url").asText());
                if (want == null) {
                    continue; // a listing page's ItemList entry, or a product read twice
                }
                CRAWL_FIELDS.forEach(got::remove);
                JsonNode wanted = json.readTree(want);
                if (wanted.equals(got)) {
                    exact++;
                } else if (mismatch == null) {
                    mismatch = "expected " + wanted + "\n    but read " + got;
                }
            }
        }
        return new Result(exact, total, mismatch);
    }
}
