package dev.trawl.render.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One start of the browser, as the pool sees it: its process and connection (set on the renderer
 * thread before {@link #ready} completes), its idle tabs by {@link TabKey} (a host, or a session on a
 * host), and its counts. The plain fields
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
    final Map<TabKey, ArrayDeque<Tab>> idle = new HashMap<>();
    final ArrayDeque<Tab> idleOrder = new ArrayDeque<>(); // least recently used first

    // the renderer thread only
    Duration cpu = Duration.ZERO;
    long residentBytes;

    Tab takeIdle(TabKey key) {
        ArrayDeque<Tab> tabs = idle.get(key);
        Tab tab = tabs == null ? null : tabs.pollLast();
        if (tab != null) {
            idleOrder.remove(tab);
        }
        return tab;
    }

    Tab evictIdle() {
        Tab tab = idleOrder.pollFirst();
        if (tab != null) {
            forget(tab);
        }
        return tab;
    }

    /** Takes out the idle tabs of sessions given back before {@code cutoff} (System.nanoTime): their sessions were not seen since. */
    List<Tab> evictSessionsIdleSince(long cutoff) {
        List<Tab> stale = new ArrayList<>();
        for (Iterator<Tab> it = idleOrder.iterator(); it.hasNext(); ) {
            Tab tab = it.next();
            if (tab.key().ofSession() && tab.idleSince - cutoff < 0) {
                it.remove();
                forget(tab);
                stale.add(tab);
            }
        }
        return stale;
    }

    private void forget(Tab tab) {
        ArrayDeque<Tab> tabs = idle.get(tab.key());
        tabs.remove(tab);
        if (tabs.isEmpty()) {
            idle.remove(tab.key()); // the map holds keys of idle tabs only: sessions come and go
        }
    }

    void putIdle(Tab tab, long now) {
        tab.idleSince = now;
        idle.computeIfAbsent(tab.key(), k -> new ArrayDeque<>()).addLast(tab);
        idleOrder.addLast(tab);
    }
}
