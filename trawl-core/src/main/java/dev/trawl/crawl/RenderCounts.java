package dev.trawl.crawl;

import java.time.Duration;

/**
 * What the browser did in a crawl.
 *
 * @param mode         the crawl's render mode ({@code never}, {@code auto}, {@code always})
 * @param rendered     pages loaded in the browser
 * @param withProducts of those, pages that gave a product
 * @param p50          median time of a render, navigation to DOM
 * @param p95          95th percentile of it
 * @param restarts     times the browser was started again (a crash, its memory cap, its page budget)
 * @param browserCpu   CPU time of the browser's processes
 * @param scripted     product pages that gave no product and looked built by scripts, but were not rendered
 *                     (rendering off, or given up on their host); an example of them in {@code scriptedExample}
 */
public record RenderCounts(String mode, long rendered, long withProducts, Duration p50, Duration p95, long restarts, Duration browserCpu,
                           long scripted, String scriptedExample) {

    /** A crawl with no browser. */
    public static RenderCounts none(String mode, long scripted, String scriptedExample) {
        return new RenderCounts(mode, 0, 0, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO, scripted, scriptedExample);
    }
}
