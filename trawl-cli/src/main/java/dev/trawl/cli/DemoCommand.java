package dev.trawl.cli;

import dev.trawl.Crawl;
import dev.trawl.CrawlSummary;
import dev.trawl.Seeds;
import dev.trawl.Trawl;
import dev.trawl.demoshop.DemoShop;
import dev.trawl.demoshop.Fault;
import dev.trawl.output.Sinks;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trawl demo}: starts demo shops on loopback (127.0.0.2, .3, ... stand for separate sites,
 * with latency and a few injected faults), crawls every product page, writes the products and
 * outcomes to files, checks them against the shops' catalogues and prints a summary.
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

    @Option(names = "--concurrency", paramLabel = "N", description = "Requests in flight at most (default: ${DEFAULT-VALUE}).")
    int concurrency = 64;

    @Option(names = "--per-host", paramLabel = "N", description = "Requests in flight at most per shop (default: ${DEFAULT-VALUE}).")
    int perHost = 16;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where products.jsonl and outcomes.jsonl go (default: ${DEFAULT-VALUE}).")
    Path dir = Path.of("trawl-demo");

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
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < shops; i++) {
                int perShop = products / shops + (i < products % shops ? 1 : 0);
                DemoShop shop = DemoShop.builder()
                        .address("127.0.0." + (i + 2)).site(i + 1).products(perShop)
                        .latency(range[0], range[1])
                        .fault(Fault.SERVER_ERROR_500, faultRate * 0.3).fault(Fault.UNAVAILABLE_503, faultRate * 0.3)
                        .fault(Fault.RESET_MID_BODY, faultRate * 0.3)
                        // a 429 pauses its whole host for the Retry-After second: a few of them show it
                        .fault(Fault.TOO_MANY_REQUESTS_429, faultRate * 0.1)
                        .start();
                started.add(shop);
                for (long id = 0; id < perShop; id++) {
                    urls.add(shop.baseUri().resolve(shop.catalogue().product(id).path()).toString());
                }
                if (!quiet) {
                    out.printf("demo shop %d: %s (%d products)%n", i + 1, shop.baseUri(), perShop);
                }
            }
            Files.createDirectories(dir);
            Path productsFile = dir.resolve("products.jsonl");
            Path outcomesFile = dir.resolve("outcomes.jsonl");
            CrawlSummary summary;
            try (Crawl crawl = Trawl.crawl()
                    .seeds(Seeds.urls(urls))
                    .concurrency(concurrency).perHost(perHost, Duration.ZERO)
                    .timeout(Duration.ofSeconds(10)).retries(3).backoff(Duration.ofMillis(100))
                    .sink(Sinks.products(productsFile)).sink(Sinks.outcomes(outcomesFile))
                    .warnings(line -> spec.commandLine().getErr().println("trawl: " + line))
                    .start()) {
                summary = crawl.await();
            }
            if (!quiet) {
                SummaryPrinter.print(summary, out);
                DemoCheck.Result check = DemoCheck.verify(productsFile, started);
                out.printf("  checked against the shops' catalogues: %d of %d products exact (name, sku, price, currency)%n",
                        check.exact(), check.expected());
                out.printf("  products: %s%n  outcomes: %s%n", productsFile, outcomesFile);
                out.flush();
            }
            return 0;
        } finally {
            started.forEach(DemoShop::close);
        }
    }
}
