package dev.trawl;

import dev.trawl.crawl.Crawl;
import dev.trawl.crawl.CrawlSummary;
import dev.trawl.crawl.Seeds;

/**
 * trawl's front door.
 *
 * <pre>{@code
 * try (Crawl crawl = Trawl.crawl()
 *         .seeds(Seeds.file(Path.of("urls.txt")))
 *         .concurrency(64).perHost(8, Duration.ofMillis(100))
 *         .sink(Sinks.products(Path.of("products.jsonl")))
 *         .start()) {
 *     CrawlSummary summary = crawl.await();
 * }
 * }</pre>
 */
public final class Trawl {
    private Trawl() {}

    /** A new crawl, configured by the returned builder. */
    public static CrawlBuilder crawl() {
        return new CrawlBuilder();
    }
}
