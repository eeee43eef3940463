package dev.trawl.cli;

import dev.trawl.Recipes;
import dev.trawl.Trawl;
import dev.trawl.crawl.Seeds;
import dev.trawl.demoshop.DemoShop;
import dev.trawl.demoshop.Fault;
import dev.trawl.demoshop.Markup;
import dev.trawl.demoshop.PriceFormat;
import dev.trawl.recipe.Recipe;
import dev.trawl.recipe.RecipeException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trawl demo}: starts demo shops on loopback (127.0.0.2, .3, ... stand for separate sites,
 * with latency and a few injected faults, in the markup styles real shops use: JSON-LD, microdata,
 * plain HTML read by the shipped recipe, European prices), crawls each from its root with no URL
 * list (robots.txt, then its sitemaps) into an SQLite crawl store, writes the products (from the
 * store) and outcomes to files, checks every
 * field against the shops' catalogues and prints a summary.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Crawl the built-in demo shops on loopback and write their products to a file.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--products", paramLabel = "N", description = "Products in all, shared between the shops (default: ${DEFAULT-VALUE}).")
    int products = 10_000;

    @Option(names = "--shops", paramLabel = "N", description = "Shops (sites) to start, on 127.0.0.2, 127.0.0.3, ... (default: ${DEFAULT-VALUE}).")
    int shops = 4;

    @Option(names = "--latency", paramLabel = "MIN..MAX", description = "Each shop's response latency, a range (default: ${DEFAULT-VALUE}).")
    String latency = "5ms..25ms";

    @Option(names = "--fault-rate", paramLabel = "RATE", description = "Share of pages that fail once (500, 503, reset, a few 429), then recover (default: ${DEFAULT-VALUE}).")
    double faultRate = 0.02;

    @Option(names = "--js-products", paramLabel = "N", description = "Products of one more shop whose pages are built by scripts, read in headless Chromium when it is installed (0: no such shop; default: ${DEFAULT-VALUE}).")
    int jsProducts = 60;

    @Option(names = "--concurrency", paramLabel = "N", description = "Requests in flight at most (default: ${DEFAULT-VALUE}).")
    int concurrency = 64;

    @Option(names = "--per-host", paramLabel = "N", description = "Requests in flight at most per shop (default: ${DEFAULT-VALUE}).")
    int perHost = 16;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where crawl.db (the store), products.jsonl, outcomes.jsonl and report.html go (default: ${DEFAULT-VALUE}).")
    Path dir = Path.of("trawl-demo");

    @Option(names = "--no-detect-blocking", description = "Do not watch for code that holds the carrier threads (watched by default).")
    boolean noDetectBlocking;

    @Option(names = "--quiet", description = "Print nothing but errors.")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (products < shops || shops < 1 || shops > 200) {
            throw new UserError("--shops must be between 1 and 200 and at most --products, were " + shops + " and " + products, 2);
        }
        PrintWriter out = spec.commandLine().getOut();
        Duration[] range = DemoShopCommand.parseLatency(latency);
        List<DemoShop> started = new ArrayList<>();
        try {
            List<String> sites = new ArrayList<>();
            List<Recipe> recipes = new ArrayList<>();
            for (int i = 0; i < shops; i++) {
                int perShop = products / shops + (i < products % shops ? 1 : 0);
                Style style = STYLES[i % STYLES.length];
                DemoShop shop = DemoShop.builder()
                        .address("127.0.0." + (i + 2)).site(i + 1).products(perShop)
                        .markup(style.markup()).priceFormat(style.format()).currency(style.currency())
                        .latency(range[0], range[1])
                        .fault(Fault.SERVER_ERROR_500, faultRate * 0.3).fault(Fault.UNAVAILABLE_503, faultRate * 0.3)
                        .fault(Fault.RESET_MID_BODY, faultRate * 0.3)
                        // a 429 pauses its whole host for the Retry-After second: a few of them show it
                        .fault(Fault.TOO_MANY_REQUESTS_429, faultRate * 0.1)
                        .start();
                started.add(shop);
                sites.add(shop.baseUri().toString());
                if (style.markup() == Markup.PLAIN) {
                    recipes.add(plainRecipe(shop));
                }
                if (!quiet) {
                    out.printf("demo shop %d: %s (%d products, %s)%n", i + 1, shop.baseUri(), perShop, style.description());
                }
            }
            java.util.Optional<Path> chromium = jsProducts > 0 ? dev.trawl.render.ChromiumRenderer.findBrowser() : java.util.Optional.empty();
            if (chromium.isPresent()) {
                // Its faults aside: a render is 100-1000 times a fetch, and the demo is a quick look.
                DemoShop shop = DemoShop.builder().address("127.0.0." + (shops + 2)).site(shops + 1).products(jsProducts)
                        .markup(Markup.JS).latency(range[0], range[1]).start();
                started.add(shop);
                sites.add(shop.baseUri().toString());
                if (!quiet) {
                    out.printf("demo shop %d: %s (%d products, JSON-LD added by scripts: rendered in %s)%n", shops + 1, shop.baseUri(),
                            jsProducts, chromium.get());
                }
            } else if (!quiet && jsProducts > 0) {
                out.println("no Chromium: the shop whose pages are built by scripts is left out (apt-get install chromium)");
            }
            if (!quiet && faultRate > 0) {
                out.printf(java.util.Locale.ROOT, "the shops inject faults on purpose: %.1f%% of pages fail once (500, 503, a reset mid-body,"
                        + " a few 429 with Retry-After) and then recover, so the retries below are expected (--fault-rate 0 for none)%n",
                        faultRate * 100);
            }
            Files.createDirectories(dir);
            Path productsFile = dir.resolve("products.jsonl");
            Path outcomesFile = dir.resolve("outcomes.jsonl");
            Path storeFile = dir.resolve("crawl.db");
            // The shops listen on new ports each time, so each demo starts a store of its own.
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(dir.resolve("crawl.db" + suffix));
            }
            Path reportFile = dir.resolve("report.html");
            CrawlSession session = new CrawlSession(new CrawlSession.Outputs(storeFile.toString(), "demo", productsFile, outcomesFile,
                    reportFile, null, null, ProgressLine.DEFAULT_EVERY, quiet, false, false, null), out, spec.commandLine().getErr());
            dev.trawl.CrawlBuilder crawl = Trawl.crawl()
                    .seeds(Seeds.sites(sites)).recipes(recipes).detectBlocking(!noDetectBlocking)
                    .concurrency(concurrency).perHost(perHost, Duration.ZERO)
                    .timeout(Duration.ofSeconds(10)).retries(3).backoff(Duration.ofMillis(100));
            chromium.ifPresent(path -> crawl.renderer(dev.trawl.render.ChromiumRenderer.factory(), dev.trawl.fetch.RenderSettings.of(path)));
            CrawlSession.Finished finished = session.run(crawl);
            if (!quiet) {
                DemoCheck.Result check = DemoCheck.verify(productsFile, started);
                out.printf("  checked against the shops' catalogues: %d of %d products exact, every field%n", check.exact(), check.expected());
                if (check.firstMismatch() != null) {
                    out.printf("  first difference: %s%n", check.firstMismatch());
                }
                var counts = finished.summary().counts();
                out.printf("  blocked:  %d URLs (the demo shops do not guard themselves; trawl demo-shop --guard 20 does), %d with no product%n",
                        counts.failedByReason().getOrDefault(dev.trawl.crawl.FailureReason.BLOCKED, 0L), counts.noProduct());
                long drafts = started.stream().mapToLong(s -> s.disallowedSitemapPaths().size()).sum();
                long requested = started.stream().mapToLong(s -> s.disallowedSitemapPaths().stream().mapToLong(s::requestsFor).sum()).sum();
                out.printf("  robots.txt: %d draft pages the sitemaps list are disallowed; the shops counted %d requests to them%n",
                        drafts, requested);
                out.printf("  store:    %s (trawl runs, trawl export, trawl diff read it)%n", storeFile);
                out.printf("  products: %s (written from the store)%n  outcomes: %s%n", productsFile, outcomesFile);
                out.flush();
            }
            return finished.exitCode();
        } finally {
            started.forEach(DemoShop::close);
        }
    }

    /** The shops' styles, in turn. */
    private record Style(Markup markup, PriceFormat format, String currency, String description) {}

    private static final Style[] STYLES = {
        new Style(Markup.JSON_LD, PriceFormat.US, "USD", "JSON-LD, USD, product groups with variants"),
        new Style(Markup.MICRODATA, PriceFormat.US, "GBP", "microdata only, GBP"),
        new Style(Markup.PLAIN, PriceFormat.EU, "EUR", "plain HTML read by recipes/demo-shop-plain.yaml, 1.299,99 €"),
        new Style(Markup.JSON_LD, PriceFormat.EU, "EUR", "JSON-LD, EUR shown as 1.299,99 €"),
    };

    /** The recipe the repository ships for plain shops (inside the jar), narrowed to this shop's pages. */
    private static Recipe plainRecipe(DemoShop shop) throws IOException {
        String text;
        try (var in = DemoCommand.class.getResourceAsStream("/recipes/demo-shop-plain.yaml")) {
            if (in == null) {
                throw new IOException("recipes/demo-shop-plain.yaml is missing from the jar");
            }
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        try {
            Recipe r = Recipes.parse(text, "recipes/demo-shop-plain.yaml");
            String base = shop.baseUri().toString();
            Pattern onlyHere = Pattern.compile("^" + Pattern.quote(base.substring(0, base.length() - 1)) + "/p/\\d+$");
            return new Recipe(r.name(), r.file(), onlyHere,
                    r.currency(), r.fields(), r.follow(), r.followMatch());
        } catch (RecipeException e) {
            throw new IOException(e.getMessage());
        }
    }
}
