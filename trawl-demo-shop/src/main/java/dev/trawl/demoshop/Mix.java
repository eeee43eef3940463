package dev.trawl.demoshop;

/** Cheap, well-mixed deterministic hashing (SplitMix64's finaliser) for the synthetic shop. */
final class Mix {
    private Mix() {}

    static long hash(long a, long b, long c) {
        return mix(mix(mix(a * 0x9E3779B97F4A7C15L) ^ b) ^ c * 0xBF58476D1CE4E5B9L);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A number in [0, n) drawn from slot {@code slot} of hash h. */
    static int pick(long h, int slot, int n) {
        return (int) Math.floorMod(mix(h + slot * 0x632BE59BD9B4E019L), (long) n);
    }

    /** A number in [0, 1) from h. */
    static double unit(long h) {
        return (mix(h) >>> 11) * 0x1.0p-53;
    }
}
