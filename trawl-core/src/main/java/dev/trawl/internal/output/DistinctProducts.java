package dev.trawl.internal.output;

import dev.trawl.crawl.CrawlResult;
import dev.trawl.extract.Product;
import java.util.ArrayList;
import java.util.List;

/**
 * One record per product per crawl: a product ({@link ProductKey}: site and SKU, else canonical
 * URL) already written from one page is not written again from another (a listing's entry and the
 * product's own page, a product under two categories). The first record stands; later ones are
 * dropped, not merged. Memory: 8 to 16 bytes a distinct product.
 */
final class DistinctProducts {
    private final SeenKeys seen = new SeenKeys();

    /** The result with only the products not written before. */
    CrawlResult firstSeen(CrawlResult r) {
        if (r.products().isEmpty()) {
            return r;
        }
        List<Product> fresh = new ArrayList<>(r.products().size());
        for (Product p : r.products()) {
            if (seen.add(ProductKey.hash(p, r))) {
                fresh.add(p);
            }
        }
        return fresh.size() == r.products().size() ? r
                : new CrawlResult(r.url(), r.source(), r.rawUrl(), r.outcome(), fresh, r.fetchedAt());
    }
}
