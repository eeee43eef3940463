package dev.trawl.render;

import dev.trawl.fetch.FetchResult;
import dev.trawl.fetch.RenderSettings;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The renderer's figures (not a test; run by hand): pages/s and browser CPU-seconds a page for
 * {@code pages} pages of 40 KB whose script inserts the product after 200 ms, at the given tabs,
 * resources blocked or not, and the browser tree's peak memory (RSS summed, and PSS, which counts
 * shared pages once). The test site runs in this JVM; its CPU is not in the browser's figure.
 *
 * <pre>java -cp ... [-Dmodes=blocked,all] dev.trawl.render.RenderBench [pages] [tabs...]</pre>
 */
public final class RenderBench {

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        List<Integer> tabCounts = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            tabCounts.add(Integer.parseInt(args[i]));
        }
        if (tabCounts.isEmpty()) {
            tabCounts = List.of(1, 2, 4);
        }
        String modes = System.getProperty("modes", "blocked,all");
        Path browser = ChromiumRenderer.findBrowser().orElseThrow();
        try (TestSite site = new TestSite()) {
            site.pageHoldMillis = 0;
            site.assetBodies.put("/asset/a.png", image("png", 640, 480));
            site.assetBodies.put("/asset/b.jpg", image("jpg", 640, 480));
            site.assetBodies.put("/asset/site.css", ".c{color:red;margin:1px}\n".repeat(800).getBytes());
            System.out.printf("%-5s %-8s %6s %8s %10s %10s %10s %9s%n", "tabs", "blocked", "pages", "pages/s",
                    "cpu-s/page", "jvm-ms/pg", "rss-MB", "pss-MB");
            for (int tabs : tabCounts) {
                for (String mode : modes.split(",")) {
                    run(site, browser, pages, tabs, mode.equals("blocked"));
                }
            }
        }
    }

    private static void run(TestSite site, Path browser, int pages, int tabs, boolean block) throws Exception {
        RenderSettings settings = new RenderSettings(browser, tabs, Duration.ofSeconds(30), 10_000, 8L << 30, block,
                "trawl-bench/1.0");
        ChromiumRenderer renderer = new ChromiumRenderer(settings);
        // warm up: the browser's start is not a page's cost
        renderer.render(site.url("/assets/warm?delay=200&pad=40000"), null);
        Thread.sleep(2500);
        double cpuBefore = renderer.browserCpu().toNanos() / 1e9;
        long jvmBefore = jvmCpuNanos();
        AtomicLong peakRss = new AtomicLong();
        AtomicLong peakPss = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong samplerCpu = new AtomicLong();
        Thread sampler = Thread.ofPlatform().daemon(true).start(() -> {
            var threadsBean = ManagementFactory.getThreadMXBean();
            long own = threadsBean.getCurrentThreadCpuTime();
            while (running.get()) {
                long[] mem = memory();
                peakRss.accumulateAndGet(mem[0], Math::max);
                peakPss.accumulateAndGet(mem[1], Math::max);
                samplerCpu.set(threadsBean.getCurrentThreadCpuTime() - own);
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long start = System.nanoTime();
        int products = 0;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<FetchResult>> results = new ArrayList<>();
            for (int i = 0; i < pages; i++) {
                var url = site.url("/assets/" + i + "?delay=200&pad=40000");
                results.add(threads.submit(() -> renderer.render(url, null)));
            }
            for (Future<FetchResult> result : results) {
                if (ChromiumRendererTest.hasProduct(result.get())) {
                    products++;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        running.set(false);
        sampler.join();
        long jvm = jvmCpuNanos() - jvmBefore - samplerCpu.get(); // this JVM: the renderer and the test site
        renderer.close();
        double cpu = renderer.browserCpu().toNanos() / 1e9 - cpuBefore;
        System.out.printf("%-5d %-8s %6s %8.2f %10.3f %10.2f %10.0f %9.0f%n", tabs, block, products + "/" + pages,
                pages / seconds, cpu / pages, jvm / 1e6 / pages, peakRss.get() / 1e6, peakPss.get() / 1e6);
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** {RSS, PSS} in bytes of every process naming this JVM's browser profiles. */
    private static long[] memory() {
        String mark = "trawl-chromium-" + ProcessHandle.current().pid() + "-";
        long[] sum = new long[2];
        java.util.Set<ProcessHandle> tree = new java.util.HashSet<>();
        ProcessHandle.current().children().filter(p -> p.info().commandLine().orElse("").contains(mark)).forEach(browser -> {
            tree.add(browser);
            browser.descendants().forEach(tree::add);
        });
        tree.forEach(p -> {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "smaps_rollup"))) {
                    if (line.startsWith("Rss:")) {
                        sum[0] += kb(line);
                    } else if (line.startsWith("Pss:")) {
                        sum[1] += kb(line);
                    }
                }
            } catch (Exception e) {
                // gone meanwhile
            }
        });
        return sum;
    }

    private static long kb(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
    }

    private static byte[] image(String format, int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 7 ^ y * 13) & 0xffffff | (x * y) << 8);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private RenderBench() {}
}
