package dev.trawl.internal.politeness;

import dev.trawl.internal.frontier.CrawlRequest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Decides which request may start now (DESIGN.md, data flow step 2). It holds one slot per host
 * and enforces: the global cap on requests in flight, the per-host cap, the per-host minimum
 * delay between request starts (raised per host by its robots.txt Crawl-delay), a per-host pause
 * (Retry-After), and the robots gate: until a host's robots.txt is known, only its robots.txt
 * request may start. Hosts with work are served round-robin, so one slow host never holds back
 * the others.
 *
 * <p>Not thread-safe: the engine calls it under its own lock. Times are {@link dev.trawl.internal.runtime.Ticks}.
 */
public final class HostScheduler {
    private final int globalCap;
    private final int perHost;
    private final long delay;
    private final boolean adaptive;
    private final Map<String, HostSlot> slots = new HashMap<>();
    private final ArrayDeque<HostSlot> withWork = new ArrayDeque<>();
    private int inFlight;
    private int pending;
    private int retriesWaiting;
    private long earliest = Long.MAX_VALUE;

    public HostScheduler(int globalCap, int perHost, Duration delay) {
        this(globalCap, perHost, delay, false);
    }

    /** With {@code adaptive}, each host's concurrency is found by AIMD ({@link #succeeded}, {@link #overloaded}) up to {@code perHost}. */
    public HostScheduler(int globalCap, int perHost, Duration delay, boolean adaptive) {
        this.globalCap = globalCap;
        this.perHost = perHost;
        this.delay = delay.toNanos();
        this.adaptive = adaptive;
    }

    /** A request to {@code host} got a response that shows no strain, in {@code latencyNanos}. */
    public void succeeded(String host, long latencyNanos, long now) {
        HostSlot slot = slots.get(host);
        if (slot != null && slot.adaptive != null) {
            slot.adaptive.success(latencyNanos, now);
        }
    }

    /** A request to {@code host} showed it overloaded (429, 503, a timeout). */
    public void overloaded(String host, long now) {
        HostSlot slot = slots.get(host);
        if (slot != null && slot.adaptive != null) {
            slot.adaptive.overload(now);
        }
    }

    /** Queues a request; one with {@code notBefore > 0} waits until then. */
    public void add(CrawlRequest request) {
        HostSlot slot = slot(request.host());
        slot.add(request);
        pending++;
        if (request.notBefore() > 0) {
            retriesWaiting++;
        }
        if (!slot.listed) {
            slot.listed = true;
            withWork.addLast(slot);
        }
    }

    /**
     * The next request allowed to start at {@code now}, counted as in flight from here; or null,
     * and then {@link #earliestReady()} tells when to ask again (unless a request finishes first).
     */
    public CrawlRequest next(long now) {
        earliest = Long.MAX_VALUE;
        if (inFlight >= globalCap) {
            return null;
        }
        for (int n = withWork.size(); n > 0; n--) {
            HostSlot slot = withWork.pollFirst();
            if (slot.pending() == 0) {
                slot.listed = false;
                continue;
            }
            long ready = slot.readyAt(now, perHost);
            if (ready <= now) {
                CrawlRequest request = slot.take(now);
                if (request.notBefore() > 0) {
                    retriesWaiting--;
                }
                slot.active++;
                slot.nextStart = now + slot.delay;
                inFlight++;
                pending--;
                if (slot.pending() > 0) {
                    withWork.addLast(slot);
                } else {
                    slot.listed = false;
                }
                return request;
            }
            withWork.addLast(slot);
            earliest = Math.min(earliest, ready);
        }
        return null;
    }

    /** When the earliest waiting request may start, as of the last {@link #next} that returned null. */
    public long earliestReady() {
        return earliest;
    }

    /**
     * A request to {@code host} is about to go on the wire at {@code now}, which may be well after
     * {@link #next} let it start when the client stalls (a cold JVM, a busy machine): the next
     * start keeps its delay from this moment too, so a late request cannot shorten the gap the
     * server sees.
     */
    public void sending(String host, long now) {
        HostSlot slot = slots.get(host);
        slot.nextStart = Math.max(slot.nextStart, now + slot.delay);
    }

    /** A request to {@code host} has ended (its slot is free again). */
    public void finished(String host) {
        slots.get(host).active--;
        inFlight--;
    }

    /** No request to {@code host} starts before {@code until} (a Retry-After, a backoff gate). */
    public void pause(String host, long until) {
        HostSlot slot = slot(host);
        slot.pausedUntil = Math.max(slot.pausedUntil, until);
    }

    /** Holds every request to {@code host} but robots.txt requests until {@link #open}. */
    public void gate(String host) {
        slot(host).gated = true;
    }

    /**
     * Lets {@code host}'s requests start again at {@code now} plus its minimum delay, raised to
     * {@code delayAtLeast} (a Crawl-delay; null for none); removes and returns the queued ones
     * {@code refuse} picks (those robots.txt disallows). The delay counts from now, when the
     * robots.txt response is in, so a first request's connection set-up cannot shorten the gap
     * the server sees.
     */
    public List<CrawlRequest> open(String host, long now, Duration delayAtLeast, Predicate<CrawlRequest> refuse) {
        HostSlot slot = slot(host);
        slot.gated = false;
        if (delayAtLeast != null) {
            slot.delay = Math.max(slot.delay, delayAtLeast.toNanos());
        }
        slot.nextStart = Math.max(slot.nextStart, now + slot.delay);
        List<CrawlRequest> refused = slot.removeIf(refuse);
        pending -= refused.size();
        for (CrawlRequest r : refused) {
            if (r.notBefore() > 0) {
                retriesWaiting--;
            }
        }
        return refused;
    }

    private HostSlot slot(String host) {
        return slots.computeIfAbsent(host, h -> new HostSlot(h, delay, adaptive ? new AdaptiveLimit(perHost) : null));
    }

    public int inFlight() {
        return inFlight;
    }

    /** Queued requests that wait out a backoff or Retry-After (those queued with a not-before time). */
    public int retriesWaiting() {
        return retriesWaiting;
    }

    /** Requests queued here and not yet started. */
    public int pending() {
        return pending;
    }
}
