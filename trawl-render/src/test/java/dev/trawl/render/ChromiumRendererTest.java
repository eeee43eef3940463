package dev.trawl.render;

import dev.trawl.crawl.FailureReason;
import dev.trawl.fetch.FetchResult;
import dev.trawl.fetch.RenderSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Against the real Chromium (bin/chromium-for-tests.sh installs Debian's package), pages served by {@link TestSite}. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChromiumRendererTest {

    private static Path browser;

    @BeforeAll
    static void findChromium() {
        browser = ChromiumRenderer.findBrowser().orElseThrow(() -> new AssertionError(
                "no Chromium: run bin/chromium-for-tests.sh (or apt-get install chromium)"));
    }

    static RenderSettings settings(int tabs, Duration timeout, int restartAfter, boolean block) {
        return new RenderSettings(browser, tabs, timeout, restartAfter, 4L << 30, block, "trawl-test/1.0");
    }

    static String body(FetchResult result) {
        FetchResult.Response response = assertInstanceOf(FetchResult.Response.class, result, () -> "not a response: " + result);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    static boolean hasProduct(FetchResult result) {
        return result instanceof FetchResult.Response r
                && new String(r.body(), StandardCharsets.UTF_8).contains("\"@type\":\"Product\"");
    }

    @Test
    void aProductInsertedByAScriptAfter200msIsInTheRenderedPage() throws Exception {
        try (TestSite site = new TestSite();
             ChromiumRenderer renderer = new ChromiumRenderer(settings(1, Duration.ofSeconds(20), 1000, true))) {
            FetchResult result = renderer.render(site.url("/late/1?delay=200"), null);
            String html = body(result);
            assertTrue(html.contains("\"@type\":\"Product\""), html);
            assertTrue(html.contains("<span class=\"price\">19.99</span>"), html);
            FetchResult.Response response = (FetchResult.Response) result;
            assertEquals(200, response.status());
            assertEquals("text/html; charset=utf-8", response.contentType());
            assertEquals("trawl-test/1.0", site.lastUserAgent);
            assertEquals(0, renderer.restarts());
        }
    }

    @Test
    void aRecipesWaitForSelectorIsWaitedFor() throws Exception {
        try (TestSite site = new TestSite();
             ChromiumRenderer renderer = new ChromiumRenderer(settings(1, Duration.ofSeconds(20), 1000, true))) {
            String html = body(renderer.render(site.url("/selector/1?delay=300"), "#app .price"));
            assertTrue(html.contains("<span class=\"price\">19.99</span>"), html);
        }
    }

    @Test
    void aPageWhoseProductNeverAppearsEndsAfterTheTimeoutWithItsDom() throws Exception {
        try (TestSite site = new TestSite();
             ChromiumRenderer renderer = new ChromiumRenderer(settings(1, Duration.ofSeconds(4), 1000, true))) {
            // The browser started and the host's tab open first: on a loaded machine they took the timeout of a shorter test.
            assertTrue(hasProduct(renderer.render(site.url("/late/0?delay=50"), null)));
            String html = body(renderer.render(site.url("/never/1?delay=100"), null));
            assertTrue(html.contains("<p id=\"rendered\">rendered</p>"), html); // the scripts ran: the DOM, not the HTML
            assertTrue(!html.contains("Product"), html);
            // the tab is still good for the host's next page
            assertTrue(hasProduct(renderer.render(site.url("/late/2?delay=50"), null)));
        }
    }

    @Test
    void imagesStylesheetsAndFontsAreNotRequestedWhenBlocked() throws Exception {
        try (TestSite site = new TestSite();
             ChromiumRenderer renderer = new ChromiumRenderer(settings(1, Duration.ofSeconds(20), 1000, true))) {
            for (int i = 0; i < 3; i++) {
                assertTrue(hasProduct(renderer.render(site.url("/assets/" + i + "?delay=50"), null)));
            }
            assertEquals(0, site.assets.sum(), "images, stylesheets or fonts requested although blocked");
            assertEquals(3, site.scripts.sum(), "scripts are never blocked");
        }
    }

    @Test
    void imagesAndStylesheetsAreRequestedWhenNotBlocked() throws Exception {
        try (TestSite site = new TestSite();
             ChromiumRenderer renderer = new ChromiumRenderer(settings(1, Duration.ofSeconds(20), 1000, false))) {
            for (int i = 0; i < 3; i++) {
                assertTrue(hasProduct(renderer.render(site.url("/assets/" + i + "?delay=50"), null)));
            }
            assertTrue(site.assets.sum() >= 15, "3 images and 2 stylesheets a page, was " + site.assets.sum());
        }
    }

    @Test
    void eightThreadsOnTwoHostsNeverHaveMoreThanTheirTabsInFlightAndShareNoCookies() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        try (TestSite a = new TestSite(inFlight, max); TestSite b = new TestSite(inFlight, max);
             ChromiumRenderer renderer = new ChromiumRenderer(settings(2, Duration.ofSeconds(30), 1000, true));
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            a.pageHoldMillis = 40;
            b.pageHoldMillis = 40;
            List<Future<FetchResult>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                URI url = (i % 3 == 0 ? b : a).url("/late/" + i + "?delay=30");
                results.add(threads.submit(() -> renderer.render(url, null)));
            }
            for (Future<FetchResult> result : results) {
                assertTrue(hasProduct(result.get()), () -> "no product: " + result.resultNow());
            }
            assertEquals(40, a.pages.sum() + b.pages.sum(), "each page requested once");
            assertTrue(max.get() <= 2, "in flight at once, as the sites counted: " + max.get());
            assertTrue(max.get() >= 1);
            assertTrue(a.foreignCookies.isEmpty(), "site a got cookies of another site: " + a.foreignCookies.keySet());
            assertTrue(b.foreignCookies.isEmpty(), "site b got cookies of another site: " + b.foreignCookies.keySet());
        }
    }

    @Test
    void aBrowserKilledMidCrawlIsStartedAgainAndNoPageIsLost() throws Exception {
        try (TestSite site = new TestSite();
             ChromiumRenderer renderer = new ChromiumRenderer(settings(2, Duration.ofSeconds(30), 1000, true));
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch firstPages = new CountDownLatch(3);
            List<Future<FetchResult>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                URI url = site.url("/late/" + i + "?delay=300");
                results.add(threads.submit(() -> {
                    FetchResult result = renderer.render(url, null);
                    firstPages.countDown();
                    return result;
                }));
            }
            assertTrue(firstPages.await(60, TimeUnit.SECONDS));
            List<ProcessHandle> browsers = ownBrowsers().toList();
            assertEquals(1, browsers.size(), "one browser process: " + browsers);
            browsers.getFirst().destroyForcibly(); // while other pages are in flight (each takes 300 ms at least)
            for (Future<FetchResult> result : results) {
                assertTrue(hasProduct(result.get()), () -> "lost: " + result.resultNow());
            }
            assertTrue(hasProduct(renderer.render(site.url("/late/after?delay=10"), null)));
            assertEquals(1, renderer.restarts());
        }
    }

    @Test
    void theBrowserIsStartedAgainAfterItsPageBudget() throws Exception {
        try (TestSite site = new TestSite();
             ChromiumRenderer renderer = new ChromiumRenderer(settings(1, Duration.ofSeconds(20), 5, true))) {
            for (int i = 0; i < 12; i++) {
                assertTrue(hasProduct(renderer.render(site.url("/late/" + i + "?delay=10"), null)));
            }
            assertEquals(2, renderer.restarts());
        }
    }

    @Test
    void aBrowserAboveTheMemoryCapIsStartedAgain() throws Exception {
        RenderSettings tiny = new RenderSettings(browser, 1, Duration.ofSeconds(20), 1000, 1 << 20, true, "trawl-test/1.0");
        try (TestSite site = new TestSite(); ChromiumRenderer renderer = new ChromiumRenderer(tiny)) {
            // the memory is sampled every 2 s on the renderer's thread: go on rendering until a sample saw it
            for (int i = 0; i < 60 && renderer.restarts() == 0; i++) {
                assertTrue(hasProduct(renderer.render(site.url("/late/" + i + "?delay=10"), null)));
                Thread.sleep(250);
            }
            assertTrue(renderer.restarts() >= 1, "a browser of " + renderer.browserMemoryBytes() + " bytes above a 1 MiB cap was kept");
            assertTrue(hasProduct(renderer.render(site.url("/late/last?delay=10"), null)));
        }
    }

    @Test
    void closeLeavesNoBrowserProcessAndNoProfileDirectory() throws Exception {
        ChromiumRenderer renderer = new ChromiumRenderer(settings(2, Duration.ofSeconds(20), 1000, true));
        try (TestSite site = new TestSite()) {
            assertTrue(hasProduct(renderer.render(site.url("/late/1?delay=10"), null)));
            assertTrue(ownBrowsers().findAny().isPresent());
            assertTrue(!ownProfiles().isEmpty());
            Thread.sleep(2500); // a CPU sample has been taken
            assertTrue(renderer.browserCpu().toMillis() > 0, "browser CPU " + renderer.browserCpu());
            assertTrue(renderer.browserMemoryBytes() > 10 << 20, "browser memory " + renderer.browserMemoryBytes());
        } finally {
            renderer.close();
        }
        assertEquals(List.of(), ownProcesses().map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList());
        assertEquals(List.of(), ownProfiles());
        assertTrue(renderer.browserCpu().toMillis() > 0);
        FetchResult after = renderer.render(URI.create("http://127.0.0.1:1/"), null);
        assertEquals(FailureReason.CANCELLED, assertInstanceOf(FetchResult.Error.class, after).reason());
    }

    @Test
    void aRefusedConnectionIsAnErrorAndA404IsItsStatus() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (TestSite site = new TestSite();
             ChromiumRenderer renderer = new ChromiumRenderer(settings(1, Duration.ofSeconds(20), 1000, true))) {
            FetchResult refused = renderer.render(URI.create("http://127.0.0.1:" + closedPort + "/p"), null);
            FetchResult.Error error = assertInstanceOf(FetchResult.Error.class, refused);
            assertEquals(FailureReason.REFUSED, error.reason(), error.detail());
            assertTrue(error.detail().contains("ERR_CONNECTION_REFUSED"), error.detail());
            FetchResult missing = renderer.render(site.url("/missing"), null);
            assertEquals(404, assertInstanceOf(FetchResult.Response.class, missing).status());
            assertTrue(hasProduct(renderer.render(site.url("/late/1?delay=10"), null)), "the renderer goes on after errors");
        }
    }

    /** Browser processes this JVM started (the main process's command names its trawl profile). */
    static Stream<ProcessHandle> ownBrowsers() {
        return ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().orElse("").contains(BROWSER_MARK));
    }

    /** Any process naming one of this JVM's profiles: the browsers, their children, the crash handler. */
    static Stream<ProcessHandle> ownProcesses() {
        return ProcessHandle.allProcesses().filter(p -> p.isAlive()
                && p.info().commandLine().orElse(String.join(" ", p.info().arguments().orElse(new String[0]))).contains(BROWSER_MARK));
    }

    static List<Path> ownProfiles() throws Exception {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(p -> p.getFileName().toString().startsWith(BROWSER_MARK)).toList();
        }
    }

    private static final String BROWSER_MARK = "trawl-chromium-" + ProcessHandle.current().pid() + "-";

    static {
        if (!ProcessHandle.current().info().command().isPresent()) {
            fail("no process information on this system");
        }
    }
}
