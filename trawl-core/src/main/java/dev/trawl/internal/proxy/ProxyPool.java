package dev.trawl.internal.proxy;

import dev.trawl.crawl.ProxyCounts;
import dev.trawl.fetch.ProxyServer;
import dev.trawl.internal.runtime.Ticks;
import dev.trawl.internal.stats.LatencyHistogram;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The crawl's proxies and how each is faring. A new session takes the least-used healthy proxy;
 * a proxy that fails (no connection, a refused tunnel or password) or whose sessions keep being
 * blocked cools down, 2 s the first time and twice as long each time after, up to 5 minutes, then
 * is tried again; a request through it that works ends its run of failures. Thread-safe.
 */
public final class ProxyPool {
    static final long FIRST_COOLDOWN = Duration.ofSeconds(2).toNanos();
    static final long MAX_COOLDOWN = Duration.ofMinutes(5).toNanos();
    /** Blocks in a row through one proxy that cool it down: its address is what the shop turned away. */
    static final int BLOCKS_IN_A_ROW = 3;

    private final List<Entry> entries = new ArrayList<>();

    private static final class Entry {
        final ProxyServer proxy;
        long sessions;
        long requests;
        long blocked;
        long errors;
        int blocksInARow;
        int coolings;
        long coolUntil;
        String why;
        final LatencyHistogram latency = new LatencyHistogram();

        Entry(ProxyServer proxy) {
            this.proxy = proxy;
        }
    }

    public ProxyPool(List<ProxyServer> proxies) {
        for (ProxyServer p : proxies) {
            entries.add(new Entry(p));
        }
    }

    /** The proxy a new session goes through: the healthy one with the fewest sessions; null when every one is cooling down. */
    public synchronized ProxyServer pick() {
        long now = Ticks.now();
        Entry best = null;
        for (Entry e : entries) {
            if (e.coolUntil <= now && (best == null || e.sessions < best.sessions)) {
                best = e;
            }
        }
        if (best == null) {
            return null;
        }
        best.sessions++;
        return best.proxy;
    }

    /** Whether {@code proxy} may take requests now (not cooling down). */
    public synchronized boolean ready(ProxyServer proxy) {
        return entry(proxy).coolUntil <= Ticks.now();
    }

    /** When the first cooling proxy is tried again (a {@link Ticks} value); 0 when one is healthy now. */
    public synchronized long readyAt() {
        long now = Ticks.now();
        long first = Long.MAX_VALUE;
        for (Entry e : entries) {
            if (e.coolUntil <= now) {
                return 0;
            }
            first = Math.min(first, e.coolUntil);
        }
        return first;
    }

    /** A response came through {@code proxy}; {@code blocked} when the shop turned it away. */
    public synchronized void answered(ProxyServer proxy, long elapsedNanos, boolean blocked) {
        Entry e = entry(proxy);
        e.requests++;
        e.latency.record(elapsedNanos);
        if (!blocked) {
            e.blocksInARow = 0;
            e.coolings = 0;
            return;
        }
        e.blocked++;
        if (++e.blocksInARow >= BLOCKS_IN_A_ROW) {
            coolDown(e, "blocked " + e.blocksInARow + " times in a row");
            e.blocksInARow = 0;
        }
    }

    /** The proxy itself failed: it cools down at once. */
    public synchronized void failed(ProxyServer proxy, String why) {
        Entry e = entry(proxy);
        e.requests++;
        e.errors++;
        coolDown(e, why);
    }

    private void coolDown(Entry e, String why) {
        long wait = Math.min(MAX_COOLDOWN, FIRST_COOLDOWN << Math.min(e.coolings, 20));
        e.coolings++;
        e.coolUntil = Ticks.now() + wait;
        e.why = why;
    }

    /** A row per proxy, in the order given: for the summary, the report and the metrics. */
    public synchronized List<ProxyCounts> counts() {
        long now = Ticks.now();
        long nowMillis = System.currentTimeMillis();
        List<ProxyCounts> rows = new ArrayList<>();
        for (Entry e : entries) {
            Instant until = e.coolUntil > now ? Instant.ofEpochMilli(nowMillis + (e.coolUntil - now) / 1_000_000) : null;
            rows.add(new ProxyCounts(e.proxy.toString(), e.sessions, e.requests, e.blocked, e.errors,
                    e.latency.percentile(0.5), until, e.why));
        }
        return rows;
    }

    private Entry entry(ProxyServer proxy) {
        for (Entry e : entries) {
            if (e.proxy.equals(proxy)) {
                return e;
            }
        }
        throw new IllegalArgumentException("not a proxy of this crawl: " + proxy);
    }
}
