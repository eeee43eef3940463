package dev.trawl.internal.runtime;

/**
 * A monotonic clock in nanoseconds that starts near zero when trawl loads, so that scheduling
 * code can compare and take the max of times with plain arithmetic (no nanoTime wrap-around).
 */
public final class Ticks {
    private static final long ORIGIN = System.nanoTime() - 1;

    private Ticks() {}

    public static long now() {
        return System.nanoTime() - ORIGIN;
    }

    /** The {@link System#nanoTime()} a tick was. */
    public static long toNanoTime(long ticks) {
        return ticks + ORIGIN;
    }
}
