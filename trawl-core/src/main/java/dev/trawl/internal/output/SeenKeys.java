package dev.trawl.internal.output;

/**
 * A set of 64-bit keys in one open-addressed array (8 bytes a key at most half full), for
 * remembering every product a crawl wrote without holding the products. Not thread-safe: a sink
 * is called from the writer thread only.
 */
final class SeenKeys {
    private long[] slots = new long[1024];
    private int size;
    private boolean zero; // 0 marks an empty slot; the key 0 is kept apart

    /** Adds {@code key}; false when it was there already. */
    boolean add(long key) {
        if (key == 0) {
            boolean added = !zero;
            zero = true;
            return added;
        }
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        if (!insert(slots, key)) {
            return false;
        }
        size++;
        return true;
    }

    private static boolean insert(long[] table, long key) {
        int mask = table.length - 1;
        int i = (int) (key ^ (key >>> 32)) & mask;
        while (table[i] != 0) {
            if (table[i] == key) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = key;
        return true;
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long k : slots) {
            if (k != 0) {
                insert(bigger, k);
            }
        }
        slots = bigger;
    }
}
