package dev.trawl.cli;

import dev.trawl.crawl.Crawl;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) or SIGTERM stops a crawl cleanly: requests in flight end or go back to the
 * store, the writer drains, and the command still prints its summary and writes its files
 * before the JVM exits with 130 or 143. A JVM runs its shutdown hooks on such a signal, then
 * exits with 128 + the signal's number; this hook holds the exit until the command is done.
 */
final class StopOnSignal implements AutoCloseable {
    private static final long GRACE_SECONDS = 120;

    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean signalled;

    private StopOnSignal(Crawl crawl) {
        this.hook = new Thread(() -> {
            signalled = true;
            crawl.close();
            try {
                done.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "trawl-stop-on-signal");
    }

    static StopOnSignal install(Crawl crawl) {
        StopOnSignal stop = new StopOnSignal(crawl);
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    /** True when a signal stopped the crawl. */
    boolean signalled() {
        return signalled;
    }

    /** The command has printed and written all it will: the JVM may exit. */
    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the signal's exit goes on, now that the command is done
        }
    }
}
