package dev.trawl.internal.fetch;

import dev.trawl.internal.runtime.TrawlThreads;
import dev.trawl.internal.runtime.Ticks;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Enforces total timeouts: one virtual thread scans the attempts in flight every few
 * milliseconds and cancels those past their deadline. Cheaper than a timer per request, and it
 * cuts a slow-drip body that a per-read socket timeout never would.
 */
final class Watchdog implements AutoCloseable {
    private static final long PERIOD_MILLIS = 5;

    /** One guarded attempt; closing it before the deadline disarms it. */
    static final class Guard implements AutoCloseable {
        private final long deadline;
        private final Runnable cancel;
        private final Set<Guard> owner;
        private volatile boolean fired;

        private Guard(long deadline, Runnable cancel, Set<Guard> owner) {
            this.deadline = deadline;
            this.cancel = cancel;
            this.owner = owner;
        }

        /** Whether the deadline passed and the attempt was cancelled. */
        boolean fired() {
            return fired;
        }

        @Override
        public void close() {
            owner.remove(this);
        }
    }

    private final Set<Guard> guards = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean closed;

    Watchdog() {
        thread = TrawlThreads.startVirtual("watchdog", this::run);
    }

    Guard guard(long deadline, Runnable cancel) {
        Guard g = new Guard(deadline, cancel, guards);
        guards.add(g);
        return g;
    }

    private void run() {
        while (!closed) {
            try {
                TimeUnit.MILLISECONDS.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = Ticks.now();
            for (Guard g : guards) {
                if (now >= g.deadline && guards.remove(g)) {
                    g.fired = true;
                    g.cancel.run();
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        TrawlThreads.stop(thread);
    }
}
