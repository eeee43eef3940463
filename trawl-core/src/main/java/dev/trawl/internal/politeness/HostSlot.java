package dev.trawl.internal.politeness;

import dev.trawl.internal.frontier.CrawlRequest;
import dev.trawl.internal.frontier.RequestKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * One host's queue and gates, in {@link dev.trawl.internal.runtime.Ticks}: busy slots, next allowed start,
 * pause, minimum delay, and the robots gate (while closed, only robots.txt requests may start).
 */
final class HostSlot {
    private static final Comparator<CrawlRequest> BY_NOT_BEFORE = Comparator.comparingLong(CrawlRequest::notBefore);

    final String host;
    private final PriorityQueue<CrawlRequest> robots = new PriorityQueue<>(BY_NOT_BEFORE);
    private final ArrayDeque<CrawlRequest> fresh = new ArrayDeque<>();
    private final PriorityQueue<CrawlRequest> delayed = new PriorityQueue<>(BY_NOT_BEFORE);
    int active;
    long nextStart;
    long pausedUntil;
    long delay;
    boolean gated;
    boolean listed;
    /** The adaptive concurrency, or null when the host's cap is fixed. */
    final AdaptiveLimit adaptive;

    HostSlot(String host, long delay, AdaptiveLimit adaptive) {
        this.host = host;
        this.delay = delay;
        this.adaptive = adaptive;
    }

    void add(CrawlRequest request) {
        if (request.kind() == RequestKind.ROBOTS) {
            robots.add(request);
        } else if (request.notBefore() > 0) {
            delayed.add(request);
        } else if (request.redirects() > 0 || request.render()) {
            // A redirect's next hop goes first, as Scrapy raises its priority: a chain ends while
            // the session whose cookie it carries is still there, and a page is not held open.
            // So does a page's render after its fetch: the host's renders so far decide how its next
            // pages are read, and they would otherwise all be fetched before the first render.
            fresh.addFirst(request);
        } else {
            fresh.add(request);
        }
    }

    int pending() {
        return robots.size() + fresh.size() + delayed.size();
    }

    /** The earliest tick at which this host may start its next request; Long.MAX_VALUE if not by time alone. */
    long readyAt(long now, int perHost) {
        if (active >= (adaptive == null ? perHost : adaptive.current())) {
            return Long.MAX_VALUE;
        }
        long candidate = robots.isEmpty() ? Long.MAX_VALUE : Math.max(now, robots.peek().notBefore());
        if (!gated) {
            if (!fresh.isEmpty()) {
                candidate = Math.min(candidate, now);
            }
            if (!delayed.isEmpty()) {
                candidate = Math.min(candidate, delayed.peek().notBefore());
            }
        }
        if (candidate == Long.MAX_VALUE) {
            return candidate;
        }
        return Math.max(candidate, Math.max(nextStart, pausedUntil));
    }

    /** Takes the request that may start at {@code now}: robots.txt first, then a due retry (the older one), then fresh work. */
    CrawlRequest take(long now) {
        if (!robots.isEmpty() && robots.peek().notBefore() <= now) {
            return robots.poll();
        }
        if (!delayed.isEmpty() && delayed.peek().notBefore() <= now) {
            return delayed.poll();
        }
        return fresh.poll();
    }

    /** Removes and returns the queued requests {@code refuse} picks (robots.txt requests excepted). */
    List<CrawlRequest> removeIf(Predicate<CrawlRequest> refuse) {
        List<CrawlRequest> removed = new ArrayList<>();
        fresh.removeIf(r -> refuse.test(r) && removed.add(r));
        delayed.removeIf(r -> refuse.test(r) && removed.add(r));
        return removed;
    }
}
