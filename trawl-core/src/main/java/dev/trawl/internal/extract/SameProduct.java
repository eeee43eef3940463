package dev.trawl.internal.extract;

import dev.trawl.extract.Product;

import java.util.Locale;

/**
 * Whether two readings of one page describe one product: the same node id ({@code @id},
 * {@code itemid}); else, when both state a SKU, the same SKU (and different SKUs are different
 * products); else, unless both have node ids (which then differ), the same name (letter case and
 * runs of whitespace aside) at the same URL, a reading without a URL of its own being at this
 * page's.
 */
final class SameProduct {
    private SameProduct() {}

    static boolean test(ProductReading a, ProductReading b) {
        if (a.nodeId() != null && a.nodeId().equals(b.nodeId())) {
            return true;
        }
        Product p = a.product();
        Product q = b.product();
        if (p.sku() != null && q.sku() != null) {
            return p.sku().equals(q.sku());
        }
        if (a.nodeId() != null && b.nodeId() != null) {
            return false;
        }
        String name = nameKey(p.name());
        return name != null && name.equals(nameKey(q.name()))
                && (p.canonicalUrl() == null || q.canonicalUrl() == null || WebUrls.samePage(p.canonicalUrl(), q.canonicalUrl()));
    }

    /** A name as compared: lower case, whitespace runs one space; null when there is none. */
    static String nameKey(String name) {
        if (name == null) {
            return null;
        }
        String key = name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return key.isEmpty() ? null : key;
    }
}
