package dev.trawl.internal.extract;

import dev.trawl.Extractors;
import dev.trawl.extract.Page;
import dev.trawl.extract.Product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trawl.crawl.CrawlResult;
import dev.trawl.crawl.Outcome;
import dev.trawl.output.ResultSink;
import dev.trawl.Sinks;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shop pages of {@code src/test/resources/corpus/}: each {@code NAME.html}, read by
 * {@link Extractors#products()} as if fetched from {@code https://shop.example/NAME}, must give
 * exactly the products of {@code NAME.expected.jsonl} (one JSON object per product, in order),
 * every field compared as the product output writes it, prices with their scale.
 */
class CorpusTest {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    private static final int MIN_PAGES = 30;

    @TempDir
    Path dir;

    static Stream<String> pages() throws IOException, URISyntaxException {
        Path corpus = Path.of(CorpusTest.class.getResource("/corpus").toURI());
        try (Stream<Path> files = Files.list(corpus)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".html"))
                    .map(n -> n.substring(0, n.length() - ".html".length())).sorted().toList();
            assertTrue(names.size() >= MIN_PAGES, "the corpus has " + names.size() + " pages");
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void givesTheProductsThePageStates(String name) throws Exception {
        Path corpus = Path.of(CorpusTest.class.getResource("/corpus").toURI());
        URI url = URI.create("https://shop.example/" + name);
        Page page = new Page(url, 200, "text/html", Files.readAllBytes(corpus.resolve(name + ".html")));
        List<Product> products = Extractors.products().extract(page);

        List<String> expected = lines(corpus.resolve(name + ".expected.jsonl"));
        List<String> actual = written(url, products);
        assertEquals(expected.size(), actual.size(), () -> "products of " + name + ": " + actual);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(canonical(expected.get(i)), canonical(actual.get(i)), name + ", product " + (i + 1));
        }
    }

    /** The products as the product output writes them, less the fetch's own columns. */
    private List<String> written(URI url, List<Product> products) throws IOException {
        Path file = dir.resolve("products.jsonl");
        try (ResultSink sink = Sinks.products(file)) {
            sink.accept(new CrawlResult(url, "corpus", url.toString(), new Outcome.Done(200, 0, Duration.ZERO, 1, url), products,
                    Instant.EPOCH));
        }
        List<String> lines = new ArrayList<>();
        for (String line : lines(file)) {
            ObjectNode o = (ObjectNode) JSON.readTree(line);
            o.remove(List.of("fetched_at", "http_status"));
            lines.add(o.toString());
        }
        return lines;
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    }

    /** A line's JSON with keys sorted and one field per line, so that a failure shows the field that differs; decimals keep their scale. */
    private static String canonical(String line) throws IOException {
        return sorted(JSON.readTree(line)).toPrettyString();
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            node.properties().forEach(e -> fields.put(e.getKey(), sorted(e.getValue())));
            ObjectNode o = JSON.createObjectNode();
            fields.forEach(o::set);
            return o;
        }
        if (node.isArray()) {
            var a = JSON.createArrayNode();
            node.forEach(item -> a.add(sorted(item)));
            return a;
        }
        return node;
    }
}
