package dev.trawl.crawl;

import dev.trawl.store.Run;
import java.time.Duration;
import java.util.List;

/**
 * The end of a crawl in numbers.
 *
 * @param counts  every counter at the end
 * @param elapsed wall time from start to the last outcome written
 * @param cpu     CPU time the whole process used meanwhile (all threads, JIT and GC included)
 * @param stoppedEarly true when the crawl was closed before every URL had its outcome
 * @param run     the store's run the crawl wrote, null without a store
 * @param recipeReport one line per recipe field that read nothing on some page, or recipe that matched no page
 * @param incomplete   one line per seed list not read to its end and per sink not written whole (which, and the OS's
 *                     reason); with a store, the store still holds every result the crawl had
 * @param proxies      how each proxy fared, in the order given; empty without proxies
 * @param render       what the browser did (pages rendered, their times, restarts, its CPU)
 */
public record CrawlSummary(CrawlCounts counts, Duration elapsed, Duration cpu, boolean stoppedEarly, Run run,
                           List<String> recipeReport, List<String> incomplete, List<ProxyCounts> proxies, RenderCounts render) {

    public CrawlSummary {
        recipeReport = List.copyOf(recipeReport);
        incomplete = List.copyOf(incomplete);
        proxies = List.copyOf(proxies);
    }

    /** The share of the CPU the crawl used (its own and the browser's) that went to the browser: 0 to 1. */
    public double renderCpuShare() {
        long browser = render.browserCpu().toNanos();
        long all = browser + cpu.toNanos();
        return all > 0 ? (double) browser / all : 0;
    }

    /** Pages fetched per second of wall time. */
    public double pagesPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s > 0 ? counts.done() / s : 0;
    }

    /** CPU milliseconds per URL with an outcome. */
    public double cpuMillisPerPage() {
        long n = counts.finished();
        return n > 0 ? cpu.toNanos() / 1e6 / n : 0;
    }
}
