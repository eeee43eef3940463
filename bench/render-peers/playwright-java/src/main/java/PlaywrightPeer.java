import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.WaitForSelectorState;
import com.microsoft.playwright.options.WaitUntilState;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Playwright for Java peer of bench/render-peers/run.py: renders a list of pages in Debian's Chromium,
 * CONCURRENCY at once, each worker with a BrowserContext and a Page of its own, reused for all its pages;
 * images, fonts, media and stylesheets are aborted by a route on the context; for each page it waits for
 * the Product JSON-LD script to be attached, takes page.content() and writes name, sku, price and currency
 * from that JSON-LD as a JSON line.
 *
 * <pre>
 *   java -cp ... PlaywrightPeer MODE URLS OUT CONCURRENCY CHROMIUM TIMEOUT_SECONDS
 * </pre>
 *
 * Playwright for Java's objects are not thread-safe (all calls of one Playwright instance on one thread,
 * or under a lock), and it has no asynchronous API, so there are two ways to keep CONCURRENCY pages in
 * flight; MODE picks one:
 * <ul>
 *   <li>{@code shared}: one Playwright (one Node.js driver), one browser, a context and a page per worker
 *       thread, every Playwright call under one lock. A blocking wait (the load event, waitForSelector)
 *       would hold the lock and serialise the pages, so a worker navigates with waitUntil=commit and then
 *       polls for the JSON-LD with a short page.evaluate every 50 ms, sleeping outside the lock. The shape
 *       of trawl's renderer: one browser, CONCURRENCY tabs.
 *   <li>{@code per-thread}: what Playwright's documentation prescribes for threads, a Playwright instance
 *       per thread: CONCURRENCY drivers and CONCURRENCY browsers, each thread with the plain blocking API
 *       (navigate waits for load, then waitForSelector).
 * </ul>
 */
public final class PlaywrightPeer {

    private static final Set<String> BLOCKED = Set.of("image", "font", "media", "stylesheet");
    private static final String JSON_LD = "script[type=\"application/ld+json\"]";
    /** Whether a Product (or ProductGroup) JSON-LD script is in the DOM: trawl's own test. */
    private static final String PROBE = "() => { for (const s of document.querySelectorAll('script[type=\"application/ld+json\"]'))"
            + " if (s.textContent.includes('Product')) return true; return false; }";
    private static final Pattern SCRIPT = Pattern.compile(
            "<script[^>]*type=\"application/ld\\+json\"[^>]*>(.*?)</script>", Pattern.DOTALL);
    /** Trawl's Chromium flags that Playwright does not set itself (it adds --headless, --no-sandbox as root, a profile, ...). */
    private static final List<String> ARGS = List.of("--disable-gpu", "--disable-quic", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-default-apps",
            "--mute-audio", "--disable-breakpad", "--password-store=basic", "--use-mock-keychain", "--no-first-run",
            "--no-default-browser-check");

    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final AtomicInteger FAILED = new AtomicInteger();
    private static final AtomicInteger NO_PRODUCT = new AtomicInteger();

    private PlaywrightPeer() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        List<String> urls = Files.readAllLines(Path.of(args[1])).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        Path out = Path.of(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        String chromium = args[4];
        double timeoutMs = Double.parseDouble(args[5]) * 1000;
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(urls);
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        BrowserType.LaunchOptions launch = new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(chromium)).setHeadless(true).setArgs(ARGS);
        Playwright.CreateOptions create = new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"));
        long t0 = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        switch (mode) {
            case "shared" -> {
                Playwright playwright = Playwright.create(create);
                Browser browser = playwright.chromium().launch(launch);
                for (int i = 0; i < concurrency; i++) {
                    workers.add(Thread.ofPlatform().name("worker-" + i).start(() -> shared(browser, queue, lines, timeoutMs)));
                }
                for (Thread w : workers) {
                    w.join();
                }
                browser.close();
                playwright.close();
            }
            case "per-thread" -> {
                for (int i = 0; i < concurrency; i++) {
                    workers.add(Thread.ofPlatform().name("worker-" + i).start(() -> {
                        try (Playwright playwright = Playwright.create(create)) {
                            Browser browser = playwright.chromium().launch(launch);
                            perThread(browser, queue, lines, timeoutMs);
                            browser.close();
                        }
                    }));
                }
                for (Thread w : workers) {
                    w.join();
                }
            }
            default -> throw new IllegalArgumentException("mode: shared or per-thread, not " + mode);
        }
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (String line : lines) {
                w.write(line);
                w.newLine();
            }
        }
        System.err.printf("done %d, no product %d, failed %d in %.2f s%n", lines.size(), NO_PRODUCT.get(), FAILED.get(),
                (System.nanoTime() - t0) / 1e9);
    }

    private static void block(Route route) {
        if (BLOCKED.contains(route.request().resourceType())) {
            route.abort();
        } else {
            route.resume();
        }
    }

    /** A worker of the shared mode: every Playwright call under LOCK, waits outside it. */
    private static void shared(Browser browser, ConcurrentLinkedQueue<String> queue, List<String> lines, double timeoutMs) {
        BrowserContext context = locked(browser::newContext);
        locked(() -> { context.route("**/*", PlaywrightPeer::block); return null; });
        Page page = locked(context::newPage);
        for (String url; (url = queue.poll()) != null; ) {
            String u = url;
            try {
                locked(() -> page.navigate(u, new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT).setTimeout(timeoutMs)));
                long deadline = System.nanoTime() + (long) (timeoutMs * 1e6);
                while (!locked(() -> (Boolean) page.evaluate(PROBE)) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                record(u, locked(page::content), lines);
            } catch (RuntimeException | InterruptedException e) {
                FAILED.incrementAndGet();
                System.err.println(u + ": " + e);
            }
        }
        locked(() -> { context.close(); return null; });
    }

    /** A worker of the per-thread mode: its own Playwright and browser, the blocking API. */
    private static void perThread(Browser browser, ConcurrentLinkedQueue<String> queue, List<String> lines, double timeoutMs) {
        BrowserContext context = browser.newContext();
        context.route("**/*", PlaywrightPeer::block);
        Page page = context.newPage();
        for (String url; (url = queue.poll()) != null; ) {
            try {
                page.navigate(url, new Page.NavigateOptions().setTimeout(timeoutMs));
                page.waitForSelector(JSON_LD, new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED).setTimeout(timeoutMs));
                record(url, page.content(), lines);
            } catch (RuntimeException e) {
                FAILED.incrementAndGet();
                System.err.println(url + ": " + e);
            }
        }
        context.close();
    }

    private static <T> T locked(Supplier<T> call) {
        LOCK.lock();
        try {
            return call.get();
        } finally {
            LOCK.unlock();
        }
    }

    /** Name, sku, price and currency of the page's Product (a ProductGroup's first variant's offer) as a JSON line. */
    private static void record(String url, String html, List<String> lines) {
        Matcher m = SCRIPT.matcher(html);
        while (m.find()) {
            JsonElement parsed = JsonParser.parseString(m.group(1));
            if (!parsed.isJsonObject()) {
                continue;
            }
            JsonObject data = parsed.getAsJsonObject();
            String type = data.has("@type") ? data.get("@type").getAsString() : "";
            if (!type.equals("Product") && !type.equals("ProductGroup")) {
                continue;
            }
            JsonElement offers = data.get("offers");
            if (offers == null && data.has("hasVariant")) {
                offers = data.getAsJsonArray("hasVariant").get(0).getAsJsonObject().get("offers");
            }
            if (offers != null && offers.isJsonArray()) {
                JsonArray a = offers.getAsJsonArray();
                offers = a.isEmpty() ? null : a.get(0);
            }
            JsonObject offer = offers != null && offers.isJsonObject() ? offers.getAsJsonObject() : new JsonObject();
            JsonObject line = new JsonObject();
            line.addProperty("url", url);
            line.add("name", data.get("name"));
            line.add("sku", data.get("sku"));
            line.add("price", offer.get("price"));
            line.add("currency", offer.get("priceCurrency"));
            lines.add(line.toString());
            return;
        }
        NO_PRODUCT.incrementAndGet();
    }
}
