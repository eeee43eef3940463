package dev.trawl.demoshop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The shop's live counters, updated by every connection thread without a lock on the hot path.
 * Product pages are counted in an array indexed by id (4 bytes a product); other paths in a map.
 * Start times are kept per path only while a shop is small enough for tests (≤ 20,000 products).
 */
final class ShopStats {
    private static final int MAX_STARTS_PER_PATH = 16;

    private final long products;
    private final boolean keepStarts;
    private final LongAdder requests = new LongAdder();
    private final LongAdder connections = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder notModified = new LongAdder();
    private final LongAdder productPages = new LongAdder();
    private final LongAdder jsPages = new LongAdder();
    private final LongAdder apiRequests = new LongAdder();
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicLong maxInFlight = new AtomicLong();
    private final AtomicLong lastStartNanos = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong minGapNanos = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong firstRequestMillis = new AtomicLong();
    private final AtomicLong lastResponseMillis = new AtomicLong();
    private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
    private volatile AtomicIntegerArray productCounts;
    /** Requests to {@code /api/products/{id}.json} by id, made only when a product's API is first called. */
    private volatile AtomicIntegerArray apiCounts;
    private final Map<String, AtomicLong> pathCounts = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> starts = new ConcurrentHashMap<>();

    ShopStats(long products) {
        this.products = products;
        this.keepStarts = products <= 20_000;
        this.productCounts = new AtomicIntegerArray((int) Math.min(products, Integer.MAX_VALUE - 8));
    }

    /** Requests being served now. */
    long inFlight() {
        return inFlight.get();
    }

    /** What a request asked for, for the counts by kind. */
    enum Kind {
        /** {@code /p/{id}} of a server-rendered product */
        PAGE,
        /** {@code /p/{id}} of a {@link Markup#JS} product: its app shell */
        JS_PAGE,
        /** {@code /api/products/{id}.json}, which a browser running a shell's script requests */
        API,
        /** any other path */
        OTHER
    }

    /** A request has started; returns how many requests this path has had, this one included. */
    long started(String path, long productId) {
        return started(path, productId, productId >= 0 ? Kind.PAGE : Kind.OTHER);
    }

    /**
     * A request has started; returns how many requests this path has had, this one included.
     * {@code id} is the product's id for {@link Kind#PAGE}, {@link Kind#JS_PAGE} and {@link Kind#API}, else -1.
     */
    long started(String path, long id, Kind kind) {
        long now = System.nanoTime();
        requests.increment();
        long n = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(n, Math::max);
        long previous = lastStartNanos.getAndSet(now);
        if (previous != Long.MIN_VALUE) {
            // two starts read the clock in one order and swap it in the other: their gap is zero
            minGapNanos.accumulateAndGet(Math.max(0, now - previous), Math::min);
        }
        long epochMillis = System.currentTimeMillis();
        firstRequestMillis.compareAndSet(0, epochMillis);
        long count = switch (kind) {
            case PAGE, JS_PAGE -> {
                productPages.increment();
                if (kind == Kind.JS_PAGE) {
                    jsPages.increment();
                }
                yield productCounts.incrementAndGet((int) id);
            }
            case API -> {
                apiRequests.increment();
                yield apiCounts().incrementAndGet((int) id);
            }
            case OTHER -> pathCounts.computeIfAbsent(path, p -> new AtomicLong()).incrementAndGet();
        };
        if (keepStarts && count <= MAX_STARTS_PER_PATH) {
            List<Long> list = starts.computeIfAbsent(path, p -> new ArrayList<>());
            synchronized (list) {
                list.add(epochMicros());
            }
        }
        return count;
    }

    void finished(int status) {
        inFlight.decrementAndGet();
        byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
        lastResponseMillis.set(System.currentTimeMillis());
    }

    /** A 304 is about to be sent: counted before it is, so a client holding its 304 finds it counted. */
    void notModified() {
        notModified.increment();
    }

    void connection() {
        connections.increment();
    }

    void sent(long bytes) {
        bytesSent.add(bytes);
    }

    /** Requests to {@code /api/products/{id}.json}. */
    long apiRequestsFor(long id) {
        AtomicIntegerArray counts = apiCounts;
        return counts == null ? 0 : counts.get((int) id);
    }

    private AtomicIntegerArray apiCounts() {
        AtomicIntegerArray counts = apiCounts;
        if (counts == null) {
            synchronized (this) {
                if (apiCounts == null) {
                    apiCounts = new AtomicIntegerArray((int) Math.min(products, Integer.MAX_VALUE - 8));
                }
                counts = apiCounts;
            }
        }
        return counts;
    }

    long requestsFor(String path, long productId) {
        if (productId >= 0) {
            return productCounts.get((int) productId);
        }
        AtomicLong n = pathCounts.get(path);
        return n == null ? 0 : n.get();
    }

    List<Long> startsOf(String path) {
        List<Long> list = starts.get(path);
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    /** Every path requested at least once, with its count (for small shops in tests). */
    Map<String, Long> allPaths() {
        Map<String, Long> all = new TreeMap<>();
        pathCounts.forEach((p, n) -> all.put(p, n.get()));
        for (int id = 0; id < productCounts.length(); id++) {
            int n = productCounts.get(id);
            if (n > 0) {
                all.put("/p/" + id, (long) n);
            }
        }
        AtomicIntegerArray api = apiCounts;
        for (int id = 0; api != null && id < api.length(); id++) {
            int n = api.get(id);
            if (n > 0) {
                all.put(ProductApi.path(id), (long) n);
            }
        }
        return all;
    }

    ShopCounters snapshot() {
        Map<Integer, Long> statuses = new TreeMap<>();
        byStatus.forEach((s, n) -> statuses.put(s, n.sum()));
        long gap = minGapNanos.get();
        return new ShopCounters(requests.sum(), connections.sum(), inFlight.get(), maxInFlight.get(),
                gap == Long.MAX_VALUE ? -1 : gap / 1000, firstRequestMillis.get(), lastResponseMillis.get(), statuses,
                bytesSent.sum(), notModified.sum(), productPages.sum(), jsPages.sum(), apiRequests.sum());
    }

    void reset() {
        requests.reset();
        connections.reset();
        bytesSent.reset();
        notModified.reset();
        productPages.reset();
        jsPages.reset();
        apiRequests.reset();
        maxInFlight.set(inFlight.get());
        lastStartNanos.set(Long.MIN_VALUE);
        minGapNanos.set(Long.MAX_VALUE);
        firstRequestMillis.set(0);
        lastResponseMillis.set(0);
        byStatus.clear();
        pathCounts.clear();
        starts.clear();
        productCounts = new AtomicIntegerArray((int) Math.min(products, Integer.MAX_VALUE - 8));
        synchronized (this) {
            apiCounts = null;
        }
    }

    private static long epochMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }
}
