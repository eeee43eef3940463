package dev.trawl.internal.runtime;

import java.util.concurrent.ThreadFactory;

/**
 * The one place trawl makes threads: virtual threads for requests and the crawl's small helpers,
 * and the single named platform thread of the result writer (on purpose: native, file and
 * database calls belong there, off the request path).
 */
public final class TrawlThreads {
    private static final ThreadFactory VIRTUAL = Thread.ofVirtual().name("trawl-v-", 0).factory();

    private TrawlThreads() {}

    /** Starts a virtual thread with a name saying what it is for. */
    public static Thread startVirtual(String purpose, Runnable task) {
        Thread t = VIRTUAL.newThread(task);
        t.setName("trawl-" + purpose);
        t.start();
        return t;
    }

    /** The factory of request threads (names are set per request by the engine). */
    public static ThreadFactory virtual() {
        return VIRTUAL;
    }

    /** Interrupts a helper thread and waits for it to end. */
    public static void stop(Thread thread) {
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the crawl's writer: a platform thread, not a daemon, so output is never cut off. */
    /**
     * A platform thread of the engine's own (the dispatcher): it runs even while user code holds
     * every carrier thread the virtual threads share, so a stop request is always heard.
     */
    public static Thread startPlatform(String purpose, Runnable task) {
        return Thread.ofPlatform().name("trawl-" + purpose).daemon(true).start(task);
    }

    public static Thread startWriter(Runnable task) {
        return Thread.ofPlatform().name("trawl-writer").daemon(false).start(task);
    }
}
