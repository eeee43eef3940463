package dev.trawl.render;

import dev.trawl.fetch.FetchResult;
import org.junit.jupiter.api.Test;
import java.time.Duration;

class ScratchTimingTest {
    @Test
    void timing() throws Exception {
        ChromiumRendererTest.findChromium();
        try (TestSite site = new TestSite()) {
            ChromiumRenderer r = new ChromiumRenderer(ChromiumRendererTest.settings(1, Duration.ofSeconds(20), 1000, true));
            for (int i = 0; i < 4; i++) {
                long t = System.nanoTime();
                FetchResult res = r.render(site.url("/late/" + i + "?delay=10"), null);
                System.out.println("page " + i + " " + (System.nanoTime() - t) / 1_000_000 + " ms " + ChromiumRendererTest.hasProduct(res));
            }
            Thread.sleep(4500);
            System.out.println("rss " + r.browserMemoryBytes() / 1000000 + " MB cpu " + r.browserCpu() + " processes " + ChromiumRendererTest.ownBrowsers().findFirst().get().descendants().count());
            long t = System.nanoTime();
            r.close();
            System.out.println("close " + (System.nanoTime() - t) / 1_000_000 + " ms");
        }
    }
}
