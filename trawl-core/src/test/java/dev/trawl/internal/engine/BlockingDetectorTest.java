package dev.trawl.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.crawl.Seeds;
import dev.trawl.Trawl;
import dev.trawl.demoshop.DemoShop;
import dev.trawl.internal.stats.BlockingDetector;
import dev.trawl.extract.Extractor;
import dev.trawl.Extractors;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The blocking detector, both ways: it names user code that holds a carrier, and says nothing of a crawl without such code. */
class BlockingDetectorTest {

    /** On JDK 25 a class initialiser that waits still pins its virtual thread to the carrier (synchronized no longer does). */
    static final class SlowToLoad {
        static {
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        static void touch() {}
    }

    /** A user's extractor that initialises a slow class on the request path, as a driver loading native code would. */
    static final class PinningExtractor implements Extractor {
        List<dev.trawl.extract.Product> parse(dev.trawl.extract.Page page) {
            SlowToLoad.touch();
            return Extractors.products().extract(page);
        }

        @Override
        public List<dev.trawl.extract.Product> extract(dev.trawl.extract.Page page) {
            return parse(page);
        }
    }

    @Test
    void namesTheUserCodeThatHeldACarrierOnce() throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        try (DemoShop shop = DemoShop.builder().products(20).start()) {
            CrawlEngineTest.crawl(Trawl.crawl().seeds(Seeds.urls(CrawlEngineTest.productUrls(shop, 0, 20))).extract(new PinningExtractor())
                    .detectBlocking(true).warnings(warnings::add));
        }
        List<String> pinned = warnings.stream().filter(w -> w.contains("held a carrier thread")).toList();
        assertEquals(1, pinned.size(), warnings.toString());
        String line = pinned.getFirst();
        // the initialiser itself, or a request thread that waited for it in the extractor: one cause, named once
        assertTrue(line.startsWith("blocking: a call in dev.trawl.internal.engine.BlockingDetectorTest$SlowToLoad.<clinit> (called from "
                + "dev.trawl.internal.engine.BlockingDetectorTest$PinningExtractor.parse)")
                || line.startsWith("blocking: a call in dev.trawl.internal.engine.BlockingDetectorTest$PinningExtractor.parse"), line);
        assertTrue(line.contains("SlowToLoad"), line);
        assertTrue(line.contains("move it off the request path"), line);
        Matcher ms = Pattern.compile("for (\\d+) ms").matcher(line);
        assertTrue(ms.find(), line);
        assertTrue(Long.parseLong(ms.group(1)) >= 100, line);
    }

    @Test
    void theLagProbeSeesEveryCarrierHeldByCpuWorkThatJfrDoesNotCallPinning() throws Exception {
        int carriers = Runtime.getRuntime().availableProcessors();
        Extractor spinning = page -> {
            long until = System.nanoTime() + 1_500_000_000L;
            long x = 0;
            while (System.nanoTime() < until) {
                x += page.body().length; // a busy loop: never parks, so never pinned, yet holds its carrier
            }
            return x == 42 ? List.of() : Extractors.products().extract(page);
        };
        List<String> warnings = new CopyOnWriteArrayList<>();
        try (DemoShop shop = DemoShop.builder().products(carriers * 2).start()) {
            CrawlEngineTest.crawl(Trawl.crawl().seeds(Seeds.urls(CrawlEngineTest.productUrls(shop, 0, carriers * 2))).concurrency(carriers).perHost(carriers, java.time.Duration.ZERO)
                    .extract(spinning).detectBlocking(true).warnings(warnings::add));
        }
        // The probe must see it; whether it reads as trawl's blocking or the machine's saturation depends on what else the
        // machine runs (a busy CI box shares the CPUs), so either line counts.
        assertEquals(1, warnings.stream().filter(w -> w.startsWith("blocking: virtual threads waited ")
                || w.startsWith("cpu: virtual threads waited ")).count(), warnings.toString());
    }

    @Test
    void aCrawlWithoutSuchCodeReportsNothing() throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        try (DemoShop shop = DemoShop.builder().products(300).start()) {
            CrawlEngineTest.crawl(Trawl.crawl().seeds(Seeds.urls(CrawlEngineTest.productUrls(shop, 0, 300))).detectBlocking(true).warnings(warnings::add));
        }
        assertEquals(List.of(), warnings);
    }

    @Test
    void aLagWhileOtherProcessesHoldTheCpusIsSaturationNotBlocking() {
        String saturated = BlockingDetector.lagLine(900, 0.98, 0.20);
        assertTrue(saturated.startsWith("cpu: virtual threads waited 900 ms") && saturated.contains("all CPUs 98%, trawl 20%")
                && saturated.contains("no code of trawl's blocked"), saturated);
        String blocking = BlockingDetector.lagLine(900, 0.98, 0.95);
        assertTrue(blocking.startsWith("blocking: virtual threads waited 900 ms") && blocking.contains("trawl used 95% of the CPUs"),
                blocking);
        assertTrue(BlockingDetector.lagLine(900, -1, -1).startsWith("blocking: "), "loads unknown");
    }
}
