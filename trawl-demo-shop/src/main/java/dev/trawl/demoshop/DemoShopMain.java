package dev.trawl.demoshop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs demo shops from the command line until killed, e.g. in a JVM of their own for benchmarks:
 * {@code java -cp trawl.jar dev.trawl.demoshop.DemoShopMain --products 100000 --latency 20ms --shops 3}.
 * Prints one line per shop: {@code demo shop: http://127.0.0.2:PORT/ (N products)}. With
 * {@code --warm-up N} each shop first renders N pages, so that a benchmark does not count the
 * shop's cold start against the crawler. {@code --markup json-ld|microdata|plain|js},
 * {@code --price-format us|eu} and {@code --crawl-delay 0.5s} choose how pages look (defaults
 * json-ld, us, no Crawl-delay). {@code --markup js} serves product pages as app shells that a
 * browser renders: after {@code --render-delay} (default 200ms) their script fetches the product
 * from {@code /api/products/ID.json}; {@code --js-share PERCENT} makes only that share of the
 * products such pages (default 100 with js, 0 otherwise; with json-ld, a mixed site).
 * {@code --no-conditional} serves pages without ETag and Last-Modified and never answers 304.
 * {@code --help} prints {@link #USAGE}.
 */
public final class DemoShopMain {
    static final String USAGE = """
            usage: DemoShopMain [options]   (runs until killed; prints "demo shop: URL (N products)" per shop)
              --products N            products per shop (10000)
              --shops N               shops on consecutive addresses (1), --address 127.0.0.2, --port P (free), --site N (1)
              --day N                 prices of that day (1), --currency USD
              --markup KIND           json-ld | microdata | plain | js (json-ld); js: product pages are app shells
                                      whose script builds the product box and its JSON-LD in the browser
              --render-delay D        how long a js page's script waits before it fetches /api/products/ID.json (200ms)
              --js-share PERCENT      share of products whose pages are js app shells, chosen by id
                                      (100 with --markup js, else 0; with json-ld: a mixed site)
              --price-format us|eu    how prices are shown (us)
              --latency D[..D]        per request, e.g. 20ms or 10ms..50ms (0)
              --crawl-delay D         a Crawl-delay in robots.txt (none)
              --throttle-above N      429 for product pages while more than N requests are served (never)
              --guard N, --guard-cookie   a rate guard of N requests/s (10 s bans), a cookie check
              --fault KIND=RATE       inject a fault on that share of product pages; --fault-attempts N (1), --retry-after S (1)
              --sitemap-child-size N  URLs per child sitemap (50000)
              --compression, --no-conditional, --warm-up N
            durations: 200ms, 1.5s, 1m
            """;
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)");

    private DemoShopMain() {}

    public static void main(String[] args) throws InterruptedException {
        List<DemoShop> shops;
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(USAGE);
            return;
        }
        try {
            shops = start(args);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            System.err.println("demo-shop: " + e.getMessage() + " (--help lists the options)");
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shops.forEach(DemoShop::close)));
        new CountDownLatch(1).await();
    }

    static List<DemoShop> start(String[] args) {
        DemoShop.Builder b = DemoShop.builder();
        String address = "127.0.0.2";
        int shops = 1;
        int site = 1;
        int warmUp = 0;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--compression")) {
                b.compression(true);
                continue;
            }
            if (flag.equals("--guard-cookie")) { // takes no value (it used to swallow the next argument)
                b.guardCookie(true);
                continue;
            }
            if (flag.equals("--no-conditional")) {
                b.conditional(false);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String v = args[++i];
            switch (flag) {
                case "--products" -> b.products(number(flag, v));
                case "--latency" -> {
                    String[] range = v.split("\\.\\.", 2);
                    b.latency(duration(flag, range[0]), duration(flag, range.length == 2 ? range[1] : range[0]));
                }
                case "--address" -> address = v;
                case "--port" -> b.port((int) number(flag, v));
                case "--shops" -> shops = (int) number(flag, v);
                case "--site" -> site = (int) number(flag, v);
                case "--day" -> b.day((int) number(flag, v));
                case "--currency" -> b.currency(v.toUpperCase(Locale.ROOT));
                case "--markup" -> b.markup(choice(flag, v, Markup.values()));
                case "--price-format" -> b.priceFormat(choice(flag, v, PriceFormat.values()));
                case "--render-delay" -> b.renderDelay(duration(flag, v));
                case "--js-share" -> b.jsShare((int) number(flag, v.endsWith("%") ? v.substring(0, v.length() - 1) : v));
                case "--crawl-delay" -> b.crawlDelay(duration(flag, v));
                case "--throttle-above" -> b.throttleAbove((int) number(flag, v));
                case "--guard" -> b.guardRate((int) number(flag, v), java.time.Duration.ofSeconds(10));
                case "--fault-attempts" -> b.faultAttempts((int) number(flag, v));
                case "--retry-after" -> b.retryAfterSeconds((int) number(flag, v));
                case "--sitemap-child-size" -> b.sitemapChildSize((int) number(flag, v));
                case "--warm-up" -> warmUp = (int) number(flag, v);
                case "--fault" -> {
                    String[] kv = v.split("=", 2);
                    try {
                        b.fault(Fault.valueOf(kv[0].toUpperCase(Locale.ROOT)), kv.length == 2 ? Double.parseDouble(kv[1]) : 0.05);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("--fault " + v + ": write KIND=RATE, KIND one of " + List.of(Fault.values()));
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        String[] octets = address.split("\\.");
        if (octets.length != 4) {
            throw new IllegalArgumentException("--address must be an IPv4 address such as 127.0.0.2, was " + address);
        }
        List<DemoShop> started = new ArrayList<>();
        for (int i = 0; i < shops; i++) {
            String ip = octets[0] + "." + octets[1] + "." + octets[2] + "." + (Integer.parseInt(octets[3]) + i);
            DemoShop shop = b.address(ip).site(site + i).start();
            shop.warmUp(warmUp);
            started.add(shop);
            System.out.println("demo shop: " + shop.baseUri() + " (" + shop.catalogue().size() + " products)");
        }
        System.out.flush();
        return started;
    }

    /** The constant named {@code v}, written in any case and with - for _ (json-ld for JSON_LD). */
    private static <E extends Enum<E>> E choice(String flag, String v, E[] values) {
        for (E e : values) {
            if (e.name().replace('_', '-').equalsIgnoreCase(v.strip())) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : values) {
            names.add(e.name().replace('_', '-').toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException(flag + " must be one of " + String.join(", ", names) + ", was " + v);
    }

    private static long number(String flag, String v) {
        try {
            return Long.parseLong(v.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number, was " + v);
        }
    }

    private static Duration duration(String flag, String v) {
        Matcher m = DURATION.matcher(v.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(flag + " " + v + ": write a duration like 20ms, 1s or 10ms..50ms");
        }
        double n = Double.parseDouble(m.group(1));
        return Duration.ofNanos(Math.round(n * switch (m.group(2)) {
            case "ms" -> 1e6;
            case "s" -> 1e9;
            default -> 60e9;
        }));
    }
}
