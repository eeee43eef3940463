package dev.trawl.demoshop;

import java.util.ArrayList;
import java.util.List;

/**
 * Draft products: the products with ids ending in 07 (7, 107, 207 …) are also served at
 * {@code /drafts/p/{id}}, and the first child sitemap lists those URLs, but robots.txt disallows
 * {@code /drafts/}: a polite crawler never requests them. There are at most 1 % as many as a
 * child sitemap holds (so the first child stays near its size), and at least one in a shop of
 * more than 7 products.
 */
final class Drafts {
    static final String PREFIX = "/drafts";

    private final long count;

    Drafts(long products, int sitemapChildSize) {
        long inCatalogue = products > 7 ? (products - 8) / 100 + 1 : 0;
        this.count = Math.min(inCatalogue, (sitemapChildSize + 99) / 100);
    }

    boolean isDraft(long id) {
        return id % 100 == 7 && id / 100 < count;
    }

    /** The drafts' paths, e.g. {@code /drafts/p/7}, by id. */
    List<String> paths() {
        List<String> paths = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            paths.add(PREFIX + "/p/" + (i * 100 + 7));
        }
        return paths;
    }
}
