package dev.trawl.internal.frontier;

import dev.trawl.crawl.Seeds;
import dev.trawl.internal.runtime.Ticks;
import dev.trawl.internal.runtime.TrawlThreads;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The frontier of a crawl with a store (DESIGN.md, invariant 4): every request lives in the
 * store, and only a page of them at a time ({@code capacity} per lane) in memory. Seeds and found
 * URLs go to the store writer through a {@link StorePort}, which deduplicates them by canonical URL in the store; the
 * writer reads the next page back after a commit when this runs low. Rows stay pending until
 * their outcome commits, so whatever was in memory or in flight when the process died is read
 * again by the next crawl on the store. Sitemaps are read only when the pages found so far run
 * low, as in the {@link EmbeddedFrontier}.
 */
public final class StoreFrontier implements Frontier {
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<CrawlRequest> pages = new ArrayDeque<>();
    private final ArrayDeque<CrawlRequest> sitemaps = new ArrayDeque<>();
    private final long[] cursor = new long[Lane.values().length];
    /** Per lane: whether the store may hold pending rows past the cursor. */
    private final boolean[] more = {true, true};
    private final StorePort writer;
    private final int capacity;
    private final Runnable onAvailable;
    private final Seeds seedList;
    private final Consumer<EmbeddedFrontier.Rejected> rejected;
    private final Consumer<String> warnings;
    private volatile Thread reader;
    /** Inserts handed to the writer and not yet committed. */
    private long unsettled;
    private boolean loading = true;
    private volatile boolean readerDone;
    private volatile boolean closed;
    private volatile String lost;

    /** Call {@link #start()} once the writer answers to this frontier. */
    public StoreFrontier(Seeds seedList, boolean seedsRead, int capacity, StorePort writer, Consumer<EmbeddedFrontier.Rejected> rejected,
                         Consumer<String> warnings, Runnable onAvailable) {
        this.writer = writer;
        this.capacity = capacity;
        this.onAvailable = onAvailable;
        this.seedList = seedList;
        this.rejected = rejected;
        this.warnings = warnings;
        this.readerDone = seedsRead;
    }

    /** Starts reading: the rows a resumed run has already, and the seeds unless they were all read before. */
    public void start() {
        writer.wantLoad(); // a resumed run has pending rows already
        if (!readerDone) {
            reader = TrawlThreads.startVirtual("seed-reader", this::read);
        }
    }

    private void read() {
        try {
            SeedReader.Read read = SeedReader.read(seedList, () -> closed, this::offer, rejected, warnings);
            lost = read.lost();
            if (read.complete()) {
                writer.seedsRead();
            }
        } finally {
            readerDone = true;
            onAvailable.run();
        }
    }

    /** The store drops a repeat as it commits the batch. */
    @Override
    public void offer(CrawlRequest request) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            unsettled++;
        } finally {
            lock.unlock();
        }
        writer.insert(request); // may wait for room: back-pressure, outside the lock
    }

    @Override
    public void retrying(CrawlRequest request) {
        long waitMillis = Math.max(0, (request.notBefore() - Ticks.now()) / 1_000_000);
        writer.retrying(request, System.currentTimeMillis() + waitMillis);
    }

    @Override
    public void expanded(CrawlRequest site) {
        writer.expanded(site);
    }

    @Override
    public CrawlRequest poll() {
        lock.lock();
        try {
            // The next sitemap is read only when the pages found so far run low.
            CrawlRequest r = !sitemaps.isEmpty() && !more[Lane.PAGES.ordinal()] && pages.size() < capacity ? sitemaps.poll()
                    : pages.poll();
            if (!loading && wantsLoad()) {
                loading = true;
                writer.wantLoad();
            }
            return r;
        } finally {
            lock.unlock();
        }
    }

    private boolean wantsLoad() {
        return more[Lane.PAGES.ordinal()] && pages.size() < capacity / 2
                || more[Lane.SITEMAPS.ordinal()] && sitemaps.size() < capacity / 2;
    }

    /** After a commit, on the writer: {@code inserted} requests per lane are in the store now. */
    public void committed(int[] inserted) {
        lock.lock();
        try {
            for (int lane = 0; lane < inserted.length; lane++) {
                if (inserted[lane] > 0) {
                    more[lane] = true;
                    unsettled -= inserted[lane];
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** On the writer, after a commit: reads the next page of each lane that runs low. */
    public void load(StorePort.Rows store) {
        for (Lane lane : Lane.values()) {
            ArrayDeque<CrawlRequest> queue = lane == Lane.PAGES ? pages : sitemaps;
            int room;
            long after;
            lock.lock();
            try {
                room = more[lane.ordinal()] ? capacity - queue.size() : 0;
                after = cursor[lane.ordinal()];
            } finally {
                lock.unlock();
            }
            if (room < capacity / 2 || closed) {
                continue;
            }
            List<Pending> rows = store.pending(lane, after, room);
            lock.lock();
            try {
                for (Pending p : rows) {
                    queue.add(p.request());
                }
                if (!rows.isEmpty()) {
                    cursor[lane.ordinal()] = rows.getLast().id();
                }
                more[lane.ordinal()] = rows.size() == room;
            } finally {
                lock.unlock();
            }
        }
        lock.lock();
        try {
            loading = false;
        } finally {
            lock.unlock();
        }
        onAvailable.run(); // also when nothing came: the frontier may be exhausted now
    }

    @Override
    public boolean exhausted() {
        lock.lock();
        try {
            return readerDone && unsettled == 0 && !loading && pages.isEmpty() && sitemaps.isEmpty()
                    && !more[Lane.PAGES.ordinal()] && !more[Lane.SITEMAPS.ordinal()];
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<String> seedsLost() {
        return lost == null ? List.of() : List.of(lost);
    }

    @Override
    public long queued() {
        lock.lock();
        try {
            return pages.size() + sitemaps.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long taken() {
        return writer.requests();
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            pages.clear();
            sitemaps.clear();
        } finally {
            lock.unlock();
        }
        if (reader != null) {
            TrawlThreads.stop(reader);
        }
    }
}
