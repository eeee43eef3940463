package dev.trawl.bench;

import dev.trawl.demoshop.DemoShop;
import dev.trawl.demoshop.Markup;
import dev.trawl.recipe.Recipe;
import dev.trawl.Recipes;
import dev.trawl.internal.recipe.RecipeBook;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.trawl.extract.Extractor;
import dev.trawl.Extractors;
import dev.trawl.extract.Page;
import dev.trawl.extract.Product;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Nanoseconds per page of product extraction ({@link Extractors#products()}, the path every
 * fetched page takes) on the three kinds of page it reads, with a full jsoup parse of the
 * JSON-LD page beside them as the reference for what building a DOM would cost:
 * <ul>
 * <li>{@code jsonLd}: a demo-shop product page of about 40 KB, rendered once in setup;
 * <li>{@code jsonLdOnly}: the same page through the JSON-LD extractor alone, to show what the
 *     pipeline's look for microdata and meta tags adds;
 * <li>{@code microdata}: the corpus's Magento-style page (microdata only: a DOM is built);
 * <li>{@code openGraph}: the corpus's OpenGraph-only page;
 * <li>{@code recipe}: a plain demo-shop product page of about 40 KB (no structured data) read by
 *     the shipped {@code recipes/demo-shop-plain.yaml} (a DOM is built), through the same pipeline;
 * <li>{@code jsoupParse}: {@code Jsoup.parse} of the 40 KB page, no extraction.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ExtractionBenchmark {
    private static final int TARGET_BYTES = 40 * 1024;
    private static final int CANDIDATES = 40;

    private final Extractor products = Extractors.products();
    private final Extractor jsonLdOnly = Extractors.jsonLdProducts();
    private Page jsonLdPage;
    private String jsonLdText;
    private Page microdataPage;
    private Page openGraphPage;
    private Page plainPage;
    private Extractor withRecipe;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        jsonLdPage = demoShopPage(Markup.JSON_LD);
        plainPage = demoShopPage(Markup.PLAIN);
        Recipe shipped = Recipes.parse(Files.readString(Path.of("recipes/demo-shop-plain.yaml")), "recipes/demo-shop-plain.yaml");
        // Its match names README's plain shop; here the page comes from a shop on another address.
        Recipe recipe = new Recipe(shipped.name(), shipped.file(), java.util.regex.Pattern.compile("/p/\\d+$"), shipped.currency(),
                shipped.fields(), shipped.follow(), shipped.followMatch());
        withRecipe = new RecipeBook(List.of(recipe)).over(products);
        if (withRecipe.extract(plainPage).getFirst().price() == null) {
            throw new IllegalStateException("the recipe read no price from " + plainPage);
        }
        jsonLdText = new String(jsonLdPage.body(), StandardCharsets.UTF_8);
        microdataPage = corpusPage("magento-microdata");
        openGraphPage = corpusPage("opengraph-only");
        for (Page p : List.of(jsonLdPage, microdataPage, openGraphPage)) {
            List<Product> found = products.extract(p);
            if (found.size() != 1 || found.getFirst().price() == null) {
                throw new IllegalStateException("expected one priced product on " + p + ", got " + found);
            }
        }
    }

    @Benchmark
    public List<Product> jsonLd() {
        return products.extract(jsonLdPage);
    }

    @Benchmark
    public List<Product> jsonLdOnly() {
        return jsonLdOnly.extract(jsonLdPage);
    }

    @Benchmark
    public List<Product> microdata() {
        return products.extract(microdataPage);
    }

    @Benchmark
    public List<Product> openGraph() {
        return products.extract(openGraphPage);
    }

    @Benchmark
    public List<Product> recipe() {
        return withRecipe.extract(plainPage);
    }

    @Benchmark
    public Document jsoupParse() {
        return Jsoup.parse(jsonLdText, jsonLdPage.url().toString());
    }

    /** The demo shop's product page (among the first {@value #CANDIDATES}) nearest 40 KB in size, fetched over loopback. */
    private static Page demoShopPage(Markup markup) throws IOException, InterruptedException {
        try (DemoShop shop = DemoShop.builder().products(CANDIDATES).markup(markup).start(); HttpClient http = HttpClient.newHttpClient()) {
            Page best = null;
            for (int id = 1; id <= CANDIDATES; id++) {
                URI uri = shop.baseUri().resolve("/p/" + id);
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
                Page page = new Page(uri, response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
                boolean nearer = best == null || distance(page) < distance(best);
                if (response.statusCode() == 200 && nearer) {
                    best = page;
                }
            }
            System.out.println(markup + " page: " + best.url() + ", " + best.body().length + " bytes");
            return best;
        }
    }

    private static int distance(Page page) {
        return Math.abs(page.body().length - TARGET_BYTES);
    }

    private static Page corpusPage(String name) {
        try (InputStream in = ExtractionBenchmark.class.getResourceAsStream("/corpus/" + name + ".html")) {
            if (in == null) {
                throw new IllegalStateException("no corpus page " + name);
            }
            return new Page(URI.create("https://shop.example/" + name), 200, "text/html", in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
