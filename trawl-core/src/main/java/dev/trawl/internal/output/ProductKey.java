package dev.trawl.internal.output;

import dev.trawl.crawl.CrawlResult;
import dev.trawl.extract.Product;
import dev.trawl.internal.frontier.HostKey;

/**
 * A product's identity within a crawl and across runs: its site and its SKU, else its canonical
 * URL (else the page's). Two records with one key are one product: a crawl writes it once, a diff
 * compares it across runs.
 */
public final class ProductKey {
    private ProductKey() {}

    /** The site part: the page's politeness key, {@code scheme://host:port}; "" for a result with no URL. */
    public static String site(CrawlResult r) {
        return r.url() == null ? "" : HostKey.of(r.url());
    }

    /** The item part: {@code sku:...}, else {@code url:...}. */
    public static String item(Product p, CrawlResult r) {
        if (p.sku() != null && !p.sku().isBlank()) {
            return "sku:" + p.sku();
        }
        return "url:" + (p.canonicalUrl() != null ? p.canonicalUrl() : p.url() != null ? p.url().toString() : r.rawUrl());
    }

    /** Site and item in one 64-bit hash (FNV-1a): for a set of keys seen, 8 bytes a product. */
    static long hash(Product p, CrawlResult r) {
        long h = 0xcbf29ce484222325L;
        h = mix(h, site(r));
        h = (h ^ '\n') * 0x100000001b3L;
        return mix(h, item(p, r));
    }

    private static long mix(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }
}
