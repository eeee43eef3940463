package dev.trawl.internal.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;

/**
 * Product URLs that answered 200 with no product: how many, and the smallest few as examples. A
 * soft block (a challenge page, a "come back later" page served as 200) is small, so the smallest
 * bodies come first, where a user looks. Memory is bounded by {@link #EXAMPLES}.
 */
final class EmptyPages {
    static final int EXAMPLES = 3;

    private record Page(long bytes, String url) {}

    private final LongAdder count = new LongAdder();
    private final TreeSet<Page> smallest = new TreeSet<>(Comparator.comparingLong(Page::bytes).thenComparing(Page::url));

    void add(String url, long bytes) {
        count.increment();
        synchronized (smallest) {
            if (smallest.size() < EXAMPLES || bytes < smallest.last().bytes()) {
                smallest.add(new Page(bytes, url));
                if (smallest.size() > EXAMPLES) {
                    smallest.pollLast();
                }
            }
        }
    }

    long count() {
        return count.sum();
    }

    /** The examples, smallest first: {@code http://shop/p/1 (812 bytes)}. */
    List<String> examples() {
        List<String> out = new ArrayList<>(EXAMPLES);
        synchronized (smallest) {
            for (Page p : smallest) {
                out.add(p.url() + " (" + p.bytes() + " bytes)");
            }
        }
        return out;
    }
}
