package dev.trawl.render.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One start of the browser, as the pool sees it: its process and connection (set on the renderer
 * thread before {@link #ready} completes), its idle tabs by host, and its counts. The plain fields
 * are guarded by the pool's lock; the samples are the renderer thread's own.
 */
final class Browser {

    final CompletableFuture<Browser> ready = new CompletableFuture<>();
    volatile BrowserProcess process;
    volatile CdpConnection cdp;
    /** The process exited or the connection was lost: no page may start on it. */
    volatile boolean dead;

    // guarded by RenderPool.lock
    int assigned;
    int inFlight;
    /** No new page goes to it (its page budget, the memory cap, a crash); killed when its last page is done. */
    boolean retiring;
    boolean killed;
    int openTabs;
    final Map<String, ArrayDeque<Tab>> idle = new HashMap<>();
    final ArrayDeque<Tab> idleOrder = new ArrayDeque<>(); // least recently used first

    // the renderer thread only
    Duration cpu = Duration.ZERO;
    long residentBytes;

    Tab takeIdle(String host) {
        ArrayDeque<Tab> tabs = idle.get(host);
        Tab tab = tabs == null ? null : tabs.pollLast();
        if (tab != null) {
            idleOrder.remove(tab);
        }
        return tab;
    }

    Tab evictIdle() {
        Tab tab = idleOrder.pollFirst();
        if (tab != null) {
            idle.get(tab.host()).remove(tab);
        }
        return tab;
    }

    void putIdle(Tab tab) {
        idle.computeIfAbsent(tab.host(), h -> new ArrayDeque<>()).addLast(tab);
        idleOrder.addLast(tab);
    }
}
