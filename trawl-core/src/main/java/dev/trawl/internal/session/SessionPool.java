package dev.trawl.internal.session;

import dev.trawl.crawl.FailureReason;
import dev.trawl.fetch.FetchResult;
import dev.trawl.fetch.ProxyServer;
import dev.trawl.fetch.RequestSession;
import dev.trawl.fetch.SessionPolicy;
import dev.trawl.internal.frontier.CrawlRequest;
import dev.trawl.internal.proxy.ProxyPool;
import dev.trawl.internal.runtime.Ticks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The crawl's sessions (DESIGN.md, data flow step 3), a pool per target host as Crawlee's
 * SessionPool keeps them: a request takes the least-used live session of its host (a new one
 * while the host has fewer than {@link SessionPolicy#perHost()}), keeps it through its redirects,
 * and gives back what came of it; a session retires after its uses, a block, or a run of network
 * errors. Thread-safe; no I/O.
 */
public final class SessionPool {
    private final SessionPolicy policy;
    /** Null: every session goes direct. */
    private final ProxyPool proxies;
    private final java.util.function.Consumer<String> warnings;
    private volatile long waitingUntil;
    private final Map<String, List<Session>> byHost = new ConcurrentHashMap<>();
    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, AtomicLong> turns = new ConcurrentHashMap<>();
    private final LongAdder retired = new LongAdder();

    public SessionPool(SessionPolicy policy) {
        this(policy, null, line -> { });
    }

    /** Sessions through {@code proxies} (null: direct); {@code warnings} hears when every proxy is cooling down. */
    public SessionPool(SessionPolicy policy, ProxyPool proxies, java.util.function.Consumer<String> warnings) {
        this.policy = policy;
        this.proxies = proxies;
        this.warnings = warnings;
    }

    /**
     * The request in the session its next attempt goes out in: the one it had, unless that retired
     * (then, in the middle of a redirect chain, from the chain's first URL on the host).
     * A new session takes a proxy; when every proxy is cooling down, this waits until one is tried
     * again (interrupted, as the crawl stops, it returns the request without a session).
     */
    public CrawlRequest assign(CrawlRequest request) {
        Session had = request.session() == null ? null : byId.get(request.session());
        if (had != null && !had.retired() && (proxies == null || proxies.ready(had.proxy()))) {
            return request;
        }
        try {
            return (request.session() == null ? request : request.fromFirstUrlOnSameHost()).inSession(take(request.host()).id());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return request.inSession(null);
        }
    }

    /**
     * A request in its session, and what the transport is to send of that session (its cookie for the
     * URL, its proxy), read together: a session another request's block retires meanwhile is not the
     * one this request goes out in (it would go with no cookie and, through proxies, no proxy).
     */
    public record Assigned(CrawlRequest request, RequestSession session) {}

    /** {@link #assign(CrawlRequest)}, and what the transport is to send of the session it took. */
    public Assigned assignForSending(CrawlRequest request) {
        while (true) {
            CrawlRequest r = assign(request);
            Session s = r.session() == null ? null : byId.get(r.session());
            if (s != null || r.session() == null) {
                return new Assigned(r, s == null ? null : s.forRequest(r.url(), policy.cookies()));
            }
            request = r; // retired since it was taken: take another
        }
    }


    /** What came of an attempt in its session: cookies kept; retired after its uses, a block or too many errors in a row. */
    public void after(CrawlRequest request, FetchResult fetched, boolean blocked) {
        Session s = byId.get(request.session());
        if (s == null) {
            return;
        }
        // Never retired by its uses in the middle of a redirect chain: the next hop may need a cookie the last one set.
        boolean redirect = fetched instanceof FetchResult.Response r && r.status() >= 300 && r.status() < 400 && r.location() != null;
        boolean retire = blocked || s.uses() >= policy.maxUses() && !redirect;
        switch (fetched) {
            case FetchResult.Response r -> {
                s.answered();
                if (policy.cookies()) {
                    s.received(request.url(), r.setCookies());
                }
                if (s.proxy() != null) {
                    proxies.answered(s.proxy(), r.elapsedNanos(), blocked);
                }
            }
            case FetchResult.Error e when e.reason() == FailureReason.PROXY -> {
                proxies.failed(s.proxy(), e.detail());
                retire = true; // a new session takes another proxy
            }
            case FetchResult.Error e -> retire |= s.networkError() >= policy.maxErrors();
        }
        if (retire) {
            retire(s);
        }
    }

    /** Sessions made so far, and retired. */
    public long made() {
        return ids.get();
    }

    public long retired() {
        return retired.sum();
    }

    private Session take(String host) throws InterruptedException {
        List<Session> live = byHost.computeIfAbsent(host, h -> new ArrayList<>());
        while (true) {
            Session s = take(host, live);
            if (s != null) {
                return s;
            }
            waitForAProxy();
        }
    }

    private void waitForAProxy() throws InterruptedException {
        long at = proxies.readyAt();
        if (at == 0) {
            return;
        }
        if (at != waitingUntil) {
            waitingUntil = at;
            warnings.accept("every proxy is cooling down: the crawl waits until "
                    + java.time.LocalTime.now().plusNanos(at - Ticks.now()).withNano(0) + ", when the first is tried again");
        }
        Thread.sleep(Math.max(1, (at - Ticks.now()) / 1_000_000));
    }

    /**
     * A new session while the host has fewer than its share, else the next usable one in turn; null
     * when a new one is needed and no proxy is ready. In turn, not the least used: a fresh session
     * would otherwise take every request until it caught up with the others' uses, sending a burst
     * through one proxy's address (a shop that bans an address above its rate bans that one).
     */
    private Session take(String host, List<Session> live) {
        synchronized (live) {
            if (live.size() < policy.perHost()) {
                Session made = made(host, live);
                if (made != null) {
                    return made;
                }
            }
            if (!live.isEmpty()) {
                int turn = (int) Math.floorMod(turns.computeIfAbsent(host, h -> new AtomicLong()).getAndIncrement(), (long) live.size());
                for (int k = 0; k < live.size(); k++) {
                    Session s = live.get((turn + k) % live.size());
                    if (proxies == null || proxies.ready(s.proxy())) {
                        return s;
                    }
                }
            }
            return made(host, live); // every live one is on a cooling proxy: a new one on a ready proxy, if there is one
        }
    }

    /** A new session of {@code host} on the least-used ready proxy; null when no proxy is ready. */
    private Session made(String host, List<Session> live) {
        ProxyServer proxy = proxies == null ? null : proxies.pick();
        if (proxies != null && proxy == null) {
            return null;
        }
        Session s = new Session("s" + ids.incrementAndGet(), host, proxy);
        live.add(s);
        byId.put(s.id(), s);
        return s;
    }

    private void retire(Session s) {
        List<Session> live = byHost.get(s.host());
        if (live == null) {
            return;
        }
        synchronized (live) {
            if (live.remove(s)) {
                s.retire();
                byId.remove(s.id());
                retired.increment();
            }
        }
    }
}
