package dev.trawl.cli;

import dev.trawl.demoshop.DemoShop;
import dev.trawl.demoshop.Fault;
import dev.trawl.demoshop.Markup;
import dev.trawl.demoshop.PriceFormat;
import dev.trawl.internal.fetch.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trawl demo-shop}: serves the synthetic shop(s) on loopback until stopped. */
@Command(name = "demo-shop", mixinStandardHelpOptions = true,
        description = "Serve the deterministic demo shop on loopback (for trying trawl, tests and benchmarks) until stopped.")
final class DemoShopCommand implements Callable<Integer> {

    @Option(names = "--products", paramLabel = "N", description = "Products per shop (default: ${DEFAULT-VALUE}).")
    long products = 10_000;

    @Option(names = "--shops", paramLabel = "N", description = "Shops to start, on consecutive addresses from --address (default: ${DEFAULT-VALUE}).")
    int shops = 1;

    @Option(names = "--address", paramLabel = "IP", description = "Address of the first shop (default: ${DEFAULT-VALUE}).")
    String address = "127.0.0.2";

    @Option(names = "--public", description = "Allow an --address off loopback (127.x.x.x), reachable from other machines.")
    boolean isPublic;

    @Option(names = "--port", paramLabel = "PORT", description = "Port, the same on every address; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = 8080;

    @Option(names = "--latency", paramLabel = "DURATION|MIN..MAX", description = "Latency per request, fixed (20ms) or a range (10ms..50ms) (default: 0ms).")
    String latency = "0ms";

    @Option(names = "--site", paramLabel = "N", description = "Catalogue seed of the first shop; the next ones count up (default: ${DEFAULT-VALUE}).")
    int site = 1;

    @Option(names = "--day", paramLabel = "N", description = "Day seed: prices change from day to day (default: ${DEFAULT-VALUE}).")
    int day = 1;

    @Option(names = "--currency", paramLabel = "CODE", description = "ISO 4217 currency of the prices (default: ${DEFAULT-VALUE}).")
    String currency = "USD";

    @Option(names = "--fault", paramLabel = "KIND=RATE", description = "Inject a fault on a share of product pages, repeatable, e.g. SERVER_ERROR_500=0.02. Kinds: ${COMPLETION-CANDIDATES}")
    Map<Fault, Double> faults = Map.of();

    @Option(names = "--fault-attempts", paramLabel = "N", description = "How many requests to a faulty page fail before it serves normally (default: ${DEFAULT-VALUE}).")
    int faultAttempts = 1;

    @Option(names = "--compression", description = "Serve gzip or deflate when the client accepts it.")
    boolean compression;

    @Option(names = "--sitemap-child-size", paramLabel = "N", description = "URLs per child sitemap (default: ${DEFAULT-VALUE}).")
    int sitemapChildSize = 50_000;

    @Option(names = "--markup", paramLabel = "STYLE", description = "How product pages state their data: json-ld (default), microdata, plain (needs a recipe), or js (app shells whose script fetches the product and adds its JSON-LD after --render-delay: they need a browser).")
    String markup = "json-ld";

    @Option(names = "--render-delay", paramLabel = "DURATION", description = "With --markup js or --js-share: how long a page's script waits before it builds the product (default: ${DEFAULT-VALUE}).")
    Duration renderDelay = Duration.ofMillis(200);

    @Option(names = "--js-share", paramLabel = "PERCENT", description = "With --markup json-ld: the share of products whose pages are js app shells, the rest server-rendered (default: 100 with --markup js, else 0).")
    Integer jsShare;

    @Option(names = "--price-format", paramLabel = "FORMAT", description = "How prices are shown: us ($1,299.99, default) or eu (1.299,99 €).")
    String priceFormat = "us";

    @Option(names = "--crawl-delay", paramLabel = "DURATION", description = "A Crawl-delay for robots.txt, e.g. 500ms (default: none).")
    Duration crawlDelay;

    @Option(names = "--throttle-above", paramLabel = "N", description = "Answer 429 (no Retry-After) to product pages while more than N requests are served (default: never).")
    int throttleAbove;

    @Option(names = "--guard", paramLabel = "RATE", description = "Play a bot manager's rate limit: a client address that sends more than RATE product requests in a second is banned for --guard-ban and gets 403 challenge pages (Cloudflare's markers). Counters: /_shop/guard.")
    int guardRate;

    @Option(names = "--guard-ban", paramLabel = "DURATION", description = "How long --guard bans an address (default: ${DEFAULT-VALUE}).")
    Duration guardBan = Duration.ofSeconds(10);

    @Option(names = "--guard-cookie", description = "Let only clients that keep cookies reach product pages: a 302 sets the shop's cookie, and a client that comes back without it gets a 200 challenge page.")
    boolean guardCookie;

    @Option(names = "--tls", description = "Also serve each shop over HTTPS, on a port of its own, with a self-signed certificate made at start and written to --tls-cert (trust it with trawl crawl --ca-cert).")
    boolean tls;

    @Option(names = "--tls-port", paramLabel = "PORT", description = "The HTTPS port with --tls, the same on every address; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int tlsPort = 8443;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "Where --tls writes the certificate, PEM (default: ${DEFAULT-VALUE}; a shop after the first gets -2, -3 ... before .pem).")
    java.nio.file.Path tlsCert = java.nio.file.Path.of("demo-shop-cert.pem");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The constant an option names, written in lower case with dashes (json-ld for JSON_LD). */
    static <E extends Enum<E>> E named(Class<E> type, String option, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new UserError(option + " must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList() + ", was " + value, 2);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        Duration[] range = parseLatency(latency);
        String[] octets = address.split("\\.");
        if (octets.length != 4 || !octets[0].matches("\\d{1,3}")) {
            throw new UserError("--address must be an IPv4 address such as 127.0.0.2, was " + address, 2);
        }
        if (!octets[0].equals("127") && !isPublic) {
            throw new UserError("--address " + address + " is not on loopback: it would serve every network it reaches;"
                    + " give --public to mean it", 2);
        }
        List<DemoShop> started = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> started.forEach(DemoShop::close)));
        try {
            for (int i = 0; i < shops; i++) {
                String ip = octets[0] + "." + octets[1] + "." + octets[2] + "." + (Integer.parseInt(octets[3]) + i);
                DemoShop.Builder b = DemoShop.builder().address(ip).port(port).site(site + i).products(products).day(day)
                        .currency(currency.toUpperCase(Locale.ROOT)).latency(range[0], range[1])
                        .faultAttempts(faultAttempts).compression(compression).sitemapChildSize(sitemapChildSize)
                        .markup(named(Markup.class, "--markup", markup)).priceFormat(named(PriceFormat.class, "--price-format", priceFormat));
                if (crawlDelay != null) {
                    b.crawlDelay(crawlDelay);
                }
                b.renderDelay(renderDelay);
                if (jsShare != null) {
                    b.jsShare(jsShare);
                }
                b.guardCookie(guardCookie);
                if (guardRate > 0) {
                    b.guardRate(guardRate, guardBan);
                }
                if (throttleAbove > 0) {
                    b.throttleAbove(throttleAbove);
                }
                faults.forEach(b::fault);
                if (tls) {
                    b.tlsPort(tlsPort).tls(i == 0 ? tlsCert : java.nio.file.Path.of(tlsCert.toString().replaceFirst("(\\.pem)?$", "-" + (i + 1) + ".pem")));
                }
                DemoShop shop = b.start();
                started.add(shop);
                spec.commandLine().getOut().printf("demo shop: %s (%d products)%n", shop.baseUri(), products);
                if (tls) {
                    spec.commandLine().getOut().printf("demo shop: %s (certificate: %s)%n", shop.httpsUri(), shop.certificateFile());
                }
            }
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), 2);
        } catch (java.io.UncheckedIOException e) {
            throw new UserError("cannot start the shop: " + e.getMessage(), 1);
        }
        spec.commandLine().getOut().flush();
        new CountDownLatch(1).await();
        return 0;
    }

    /** {@code 20ms} → [20ms, 20ms]; {@code 10ms..50ms} → [10ms, 50ms]. */
    static Duration[] parseLatency(String text) {
        try {
            String[] parts = text.split("\\.\\.", 2);
            Duration min = Durations.parse(parts[0]);
            Duration max = parts.length == 2 ? Durations.parse(parts[1]) : min;
            if (max.compareTo(min) < 0) {
                throw new IllegalArgumentException("the range's end is before its start");
            }
            return new Duration[] {min, max};
        } catch (IllegalArgumentException e) {
            throw new UserError("--latency " + text + ": " + e.getMessage(), 2);
        }
    }
}
