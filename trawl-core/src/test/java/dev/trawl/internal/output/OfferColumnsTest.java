package dev.trawl.internal.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.trawl.Extractors;
import dev.trawl.Recipes;
import dev.trawl.Sinks;
import dev.trawl.crawl.CrawlResult;
import dev.trawl.crawl.Outcome;
import dev.trawl.extract.Page;
import dev.trawl.extract.Product;
import dev.trawl.internal.recipe.RecipeBook;
import dev.trawl.output.ResultSink;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A product's variant offers, each with its own SKU, GTIN, price, currency and availability, are
 * written the same way whichever extractor read them (JSON-LD, microdata, a recipe filled from
 * structured data) and whichever way they are written: a JSONL array of objects, the same JSON
 * text in a CSV cell, and the same again when a store's lines are exported.
 */
class OfferColumnsTest {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();
    private static final String OFFERS = "[{\"sku\":\"SOCK-S\",\"gtin\":\"036000291452\",\"price\":4.00,\"currency\":\"EUR\",\"availability\":\"OutOfStock\"},"
            + "{\"sku\":\"SOCK-M\",\"gtin\":\"4006381333931\",\"name\":\"Medium\",\"price\":4.50,\"currency\":\"EUR\",\"availability\":\"InStock\"}]";
    private static final String JSON_LD = """
            <script type="application/ld+json">{"@type":"Product","name":"Sock","offers":[
             {"@type":"Offer","sku":"SOCK-S","gtin12":36000291452,"price":"4.00","priceCurrency":"EUR","availability":"https://schema.org/OutOfStock"},
             {"@type":"Offer","sku":"SOCK-M","name":"Medium","gtin13":"4006381333931","price":"4.50","priceCurrency":"EUR","availability":"InStock"}]}</script>""";
    private static final String MICRODATA = """
            <div itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">Sock</h1>
             <div itemprop="offers" itemscope itemtype="https://schema.org/AggregateOffer"><meta itemprop="lowPrice" content="4.00">
              <meta itemprop="priceCurrency" content="EUR"></div>
             <div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><meta itemprop="sku" content="SOCK-S"><meta itemprop="gtin12" content="036000291452">
              <meta itemprop="price" content="4.00"><link itemprop="availability" href="https://schema.org/OutOfStock"></div>
             <div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><meta itemprop="sku" content="SOCK-M"><meta itemprop="name" content="Medium">
              <meta itemprop="gtin13" content="4006381333931"><meta itemprop="price" content="4.50"><meta itemprop="priceCurrency" content="EUR">
              <link itemprop="availability" href="https://schema.org/InStock"></div></div>""";
    private static final String RECIPE = """
            name: socks
            match: "/item/"
            fields:
              name: {selector: "h1.title"}
              price: {selector: ".price"}
            """;

    @TempDir
    Path dir;

    @Test
    void everyExtractorPathAndEveryOutputFlattensOffersAlike() throws Exception {
        RecipeBook recipes = new RecipeBook(List.of(Recipes.parse(RECIPE, "socks.yaml")));
        record Path_(String source, URI url, String html) {}
        List<Path_> paths = List.of(new Path_("json-ld", URI.create("https://shop.test/p/1"), JSON_LD),
                new Path_("microdata", URI.create("https://shop.test/p/2"), MICRODATA),
                new Path_("recipe:socks", URI.create("https://shop.test/item/3"),
                        "<h1 class=\"title\">Socks</h1><p class=\"price\">€4.00</p>" + JSON_LD));
        for (Path_ p : paths) {
            Page page = new Page(p.url(), 200, "text/html", p.html().getBytes(StandardCharsets.UTF_8));
            List<Product> products = recipes.over(Extractors.products()).extract(page);
            assertEquals(1, products.size(), p.source());
            assertEquals(p.source(), products.getFirst().source());
            CrawlResult result = new CrawlResult(p.url(), "test", p.url().toString(), new Outcome.Done(200, 0, Duration.ZERO, 1, p.url()),
                    products, Instant.EPOCH);

            String jsonl = written(result, "jsonl");
            String csv = written(result, "csv");
            assertEquals(OFFERS, JSON.readTree(jsonl).get("offers").toString(), p.source() + ", JSONL");
            assertEquals(OFFERS, cells(csv.lines().toList().get(1)).get(ProductColumns.NAMES.indexOf("offers")), p.source() + ", CSV");
            assertEquals(jsonl, exported(result, "jsonl"), p.source() + ", a store's JSONL export");
            assertEquals(csv, exported(result, "csv"), p.source() + ", a store's CSV export");
        }
    }

    private String written(CrawlResult result, String format) throws Exception {
        Path file = dir.resolve("products." + format);
        try (ResultSink sink = Sinks.products(file)) {
            sink.accept(result);
        }
        return Files.readString(file);
    }

    private static String exported(CrawlResult result, String format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProductLines.Export export = ProductLines.export(format, out);
        ProductLines.of(result).forEach(export);
        export.finish();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The cells of one RFC 4180 row. */
    private static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quoted && c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
