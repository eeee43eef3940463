package dev.trawl.internal.discover;

import java.nio.charset.StandardCharsets;

/**
 * The canonical URLs a crawl has already taken in, as 64-bit fingerprints in an open-addressing
 * table: 16 bytes a URL at most, so a million URLs cost 16 MB, not the ~150 MB their strings
 * would. Two different URLs share a fingerprint with a chance of about n²/2⁶⁵ (3·10⁻⁸ for a
 * million): then the second is taken for a duplicate. Not thread-safe.
 */
public final class SeenUrls {
    private long[] table = new long[1 << 12];
    private int size;
    private boolean zeroSeen;

    /** Records the URL; true if it was not seen before. */
    public boolean add(String canonicalUrl) {
        long f = fingerprint(canonicalUrl);
        if (f == 0) {
            boolean first = !zeroSeen;
            zeroSeen = true;
            return first;
        }
        if (size * 2 >= table.length) {
            grow();
        }
        return insert(table, f);
    }

    public int size() {
        return size + (zeroSeen ? 1 : 0);
    }

    private boolean insert(long[] t, long f) {
        int mask = t.length - 1;
        for (int i = (int) (f ^ (f >>> 32)) & mask; ; i = (i + 1) & mask) {
            if (t[i] == 0) {
                t[i] = f;
                size++;
                return true;
            }
            if (t[i] == f) {
                return false;
            }
        }
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        size = 0;
        for (long f : old) {
            if (f != 0) {
                insert(table, f);
            }
        }
    }

    /** FNV-1a over the UTF-8 bytes, then a 64-bit finaliser (from SplitMix64) to spread the bits. */
    static long fingerprint(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
