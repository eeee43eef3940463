package dev.trawl.internal.politeness;

/**
 * One host's adaptive concurrency (AIMD, as TCP finds a link's rate): a target that starts low,
 * doubles each round of successes until the first sign of overload (slow start), then grows by
 * one a round while latency stays flat; halves on overload (429, 503, a timeout) or on latency
 * rising well above the host's best; never above the cap, never below one. A round is as many
 * successes as the target, about one round trip of the host's requests. Near the level where it
 * last overloaded the host it grows four times slower, so it probes the limit rarely instead of
 * every few rounds. One wave of overload halves it once: decreases are at least one smoothed
 * latency apart.
 *
 * <p>Not thread-safe: the scheduler's owner calls it under its lock. Times are nanoseconds.
 */
final class AdaptiveLimit {
    private static final double EWMA_WEIGHT = 0.2;
    /** Latency counts as rising above this multiple of the best one seen... */
    private static final double RISE_RATIO = 2.0;
    /** ...and this much above it, so that sub-millisecond jitter on a fast host does not count. */
    private static final long RISE_NANOS = 50_000_000L;
    private static final long MIN_DECREASE_GAP_NANOS = 50_000_000L;

    private final int cap;
    private double target;
    private boolean slowStart = true;
    private int successes;
    /** The target at the last overload; growth slows near it. */
    private double ceiling = Double.MAX_VALUE;
    private long bestLatency = Long.MAX_VALUE;
    private double smoothedLatency;
    private long lastDecrease = Long.MIN_VALUE / 2;

    AdaptiveLimit(int cap) {
        this.cap = cap;
        this.target = Math.min(cap, 2);
    }

    /** Requests to this host allowed in flight now. */
    int current() {
        return (int) target;
    }

    void success(long latencyNanos, long now) {
        bestLatency = Math.min(bestLatency, latencyNanos);
        smoothedLatency = smoothedLatency == 0 ? latencyNanos : smoothedLatency + EWMA_WEIGHT * (latencyNanos - smoothedLatency);
        if (smoothedLatency > RISE_RATIO * bestLatency && smoothedLatency - bestLatency > RISE_NANOS) {
            decrease(now);
            return;
        }
        int round = target + 1 >= ceiling ? 4 * (int) target : (int) target;
        if (++successes >= round) {
            successes = 0;
            target = Math.min(cap, slowStart ? target * 2 : target + 1);
        }
    }

    void overload(long now) {
        slowStart = false;
        decrease(now);
    }

    private void decrease(long now) {
        if (now - lastDecrease < Math.max(MIN_DECREASE_GAP_NANOS, (long) smoothedLatency)) {
            return;
        }
        lastDecrease = now;
        ceiling = target;
        successes = 0;
        slowStart = false;
        target = Math.max(1, target / 2);
    }
}
