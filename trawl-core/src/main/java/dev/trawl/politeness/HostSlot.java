package dev.trawl.politeness;

import dev.trawl.frontier.CrawlRequest;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.PriorityQueue;

/** One host's queue and gates, in {@link dev.trawl.frontier.Ticks}: busy slots, next allowed start, pause. */
final class HostSlot {
    final String host;
    private final ArrayDeque<CrawlRequest> fresh = new ArrayDeque<>();
    private final PriorityQueue<CrawlRequest> delayed = new PriorityQueue<>(Comparator.comparingLong(CrawlRequest::notBefore));
    int active;
    long nextStart;
    long pausedUntil;
    boolean listed;

    HostSlot(String host) {
        this.host = host;
    }

    void add(CrawlRequest request) {
        if (request.notBefore() > 0) {
            delayed.add(request);
        } else {
            fresh.add(request);
        }
    }

    int pending() {
        return fresh.size() + delayed.size();
    }

    /** The earliest tick at which this host may start its next request; Long.MAX_VALUE if not by time alone. */
    long readyAt(long now, int perHost) {
        if (active >= perHost) {
            return Long.MAX_VALUE;
        }
        long candidate = fresh.isEmpty() ? Long.MAX_VALUE : now;
        if (!delayed.isEmpty()) {
            candidate = Math.min(candidate, delayed.peek().notBefore());
        }
        if (candidate == Long.MAX_VALUE) {
            return candidate;
        }
        return Math.max(candidate, Math.max(nextStart, pausedUntil));
    }

    /** Takes the request that may start at {@code now}: a due retry first, as it is the older one. */
    CrawlRequest take(long now) {
        if (!delayed.isEmpty() && delayed.peek().notBefore() <= now) {
            return delayed.poll();
        }
        return fresh.poll();
    }
}
