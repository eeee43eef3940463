package dev.trawl.crawl;

import dev.trawl.extract.Product;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * What a crawl hands to its sinks for one URL: the URL as seeded, its terminal outcome and the
 * products extracted from it (empty when it failed or carried none).
 *
 * @param url       the URL as it entered the crawl (for an invalid seed, the best URI we could make, or null)
 * @param source    where the URL came from, e.g. {@code urls.txt:12}
 * @param rawUrl    the seed text as given
 * @param fetchedAt when the terminal outcome was reached
 */
public record CrawlResult(URI url, String source, String rawUrl, Outcome outcome, List<Product> products, Instant fetchedAt) {
    public CrawlResult {
        products = List.copyOf(products);
    }
}
