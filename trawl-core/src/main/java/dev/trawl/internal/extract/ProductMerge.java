package dev.trawl.internal.extract;

import dev.trawl.extract.Product;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One record per product of a page: readings of one product ({@link SameProduct}) merged field by
 * field, the first (the more trusted source, else the earlier in the document) keeping the fields
 * it has and taking the others' for those it lacks ({@link Product#orElse}). A price without a
 * currency takes the other's currency only when the other states the same price. Linear in the
 * readings: candidates are found by node id, SKU and name.
 */
final class ProductMerge {
    private final List<ProductReading> merged = new ArrayList<>();
    private final Map<String, List<Integer>> byKey = new HashMap<>();

    private ProductMerge() {}

    /** The readings of one source, those of one product merged, in the order of their first reading. */
    static List<ProductReading> within(List<ProductReading> readings) {
        if (readings.size() < 2) {
            return readings;
        }
        ProductMerge m = new ProductMerge();
        for (ProductReading r : readings) {
            if (!m.mergeInto(r)) {
                m.add(r);
            }
        }
        return m.merged;
    }

    /**
     * The readings of a more trusted source, each filled from the readings of a less trusted one
     * that are of the same product; the other readings are left out. When each source reads
     * exactly one product, that one fills the first unless both state SKUs that differ, as a page
     * often names its one product differently in each kind of markup.
     */
    static List<ProductReading> fill(List<ProductReading> readings, List<ProductReading> others) {
        if (others.isEmpty()) {
            return readings;
        }
        if (readings.size() == 1 && others.size() == 1) {
            ProductReading r = readings.getFirst();
            ProductReading o = others.getFirst();
            String sku = r.product().sku();
            String otherSku = o.product().sku();
            return sku != null && otherSku != null && !sku.equals(otherSku) ? readings : List.of(merge(r, o));
        }
        ProductMerge m = new ProductMerge();
        readings.forEach(m::add);
        others.forEach(m::mergeInto);
        return m.merged;
    }

    /** The two readings of one product as one, the first's fields first. */
    static ProductReading merge(ProductReading first, ProductReading second) {
        Product p = first.product();
        Product other = second.product();
        if (p.price() != null && p.currency() == null && other.currency() != null && other.price() != null
                && other.price().compareTo(p.price()) == 0) {
            p = p.toBuilder().currency(other.currency()).build();
        }
        return new ProductReading(p.orElse(other), first.nodeId() != null ? first.nodeId() : second.nodeId());
    }

    private void add(ProductReading r) {
        merged.add(r);
        index(r, merged.size() - 1);
    }

    /** Merges a reading into the first one of the same product; false when there is none. */
    private boolean mergeInto(ProductReading r) {
        int at = Integer.MAX_VALUE;
        for (String key : keys(r)) {
            for (int i : byKey.getOrDefault(key, List.of())) {
                if (i < at && SameProduct.test(merged.get(i), r)) {
                    at = i;
                }
            }
        }
        if (at == Integer.MAX_VALUE) {
            return false;
        }
        ProductReading m = merge(merged.get(at), r);
        merged.set(at, m);
        index(m, at);
        return true;
    }

    private void index(ProductReading r, int at) {
        for (String key : keys(r)) {
            List<Integer> places = byKey.computeIfAbsent(key, k -> new ArrayList<>(1));
            if (!places.contains(at)) {
                places.add(at);
            }
        }
    }

    /** What a reading can be found by: every reading of the same product shares one of these with it. */
    private static List<String> keys(ProductReading r) {
        List<String> keys = new ArrayList<>(3);
        if (r.nodeId() != null) {
            keys.add("id " + r.nodeId());
        }
        if (r.product().sku() != null) {
            keys.add("sku " + r.product().sku());
        }
        String name = SameProduct.nameKey(r.product().name());
        if (name != null) {
            keys.add("name " + name);
        }
        return keys;
    }
}
