package dev.trawl.internal.session;

import dev.trawl.fetch.FetchResult;
import dev.trawl.fetch.RequestSession;
import dev.trawl.fetch.SessionPolicy;
import dev.trawl.internal.frontier.CrawlRequest;
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
    private final Map<String, List<Session>> byHost = new ConcurrentHashMap<>();
    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final LongAdder retired = new LongAdder();

    public SessionPool(SessionPolicy policy) {
        this.policy = policy;
    }

    /** The request in the session its next attempt goes out in: the one it had, unless that retired. */
    public CrawlRequest assign(CrawlRequest request) {
        Session had = request.session() == null ? null : byId.get(request.session());
        if (had != null && !had.retired()) {
            return request;
        }
        return request.inSession(take(request.host()).id());
    }

    /** What the transport is to send of the request's session. */
    public RequestSession forRequest(CrawlRequest request) {
        Session s = byId.get(request.session());
        return s == null ? null : s.forRequest(request.url(), policy.cookies());
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

    private Session take(String host) {
        List<Session> live = byHost.computeIfAbsent(host, h -> new ArrayList<>());
        synchronized (live) {
            Session least = null;
            for (Session s : live) {
                if (least == null || s.uses() < least.uses()) {
                    least = s;
                }
            }
            if (least == null || live.size() < policy.perHost() && least.uses() > 0) {
                least = new Session("s" + ids.incrementAndGet(), host);
                live.add(least);
                byId.put(least.id(), least);
            }
            return least;
        }
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
