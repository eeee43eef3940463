package dev.trawl.internal.frontier;

import dev.trawl.internal.discover.SeedUrls;

import dev.trawl.crawl.Seed;
import dev.trawl.crawl.Seeds;
import dev.trawl.internal.discover.SeenUrls;
import dev.trawl.internal.discover.UrlCanonicalizer;
import dev.trawl.internal.runtime.TrawlThreads;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The embedded frontier. Seeds are read lazily on a virtual thread of their own, so a list of
 * millions is never held whole: the reader waits while {@code seedCapacity} seeds are queued.
 * URLs found during the crawl wait in memory (a store-backed frontier will hold them on disk).
 * Every URL, seed or found, is deduplicated by its canonical form first. Found pages are handed
 * out before seeds and before further sitemaps, so a sitemap index of a million URLs is read one
 * child at a time as its pages drain, not all at once. Seeds that are not valid http(s) URLs
 * never enter; they are handed to {@code rejected} with the reason.
 */
public final class EmbeddedFrontier implements Frontier {

    /** A seed that could not become a request. */
    public record Rejected(Seed seed, SeedUrls.Parsed parsed) {}

    /** A found page, as it waits: the request is made again from it when polled. */
    private record Found(String url, String source, RequestKind kind, int depth) {
        static Found of(CrawlRequest r) {
            return new Found(r.url().toString(), r.source(), r.kind(), r.depth());
        }

        CrawlRequest request() {
            return CrawlRequest.of(URI.create(url), source, kind, depth);
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition seedRoom = lock.newCondition();
    private final ArrayDeque<CrawlRequest> seeds = new ArrayDeque<>();
    /** Found pages wait as text, not as parsed URIs: a million of them cost ~110 MB, not ~420 MB. */
    private final ArrayDeque<Found> pages = new ArrayDeque<>();
    private final ArrayDeque<CrawlRequest> sitemaps = new ArrayDeque<>();
    private final SeenUrls seen = new SeenUrls();
    private final UrlCanonicalizer canonicalizer;
    private final int seedCapacity;
    private final Runnable onAvailable;
    private final Thread reader;
    private volatile boolean readerDone;
    private volatile boolean closed;
    private volatile String lost;

    public EmbeddedFrontier(Seeds seedList, int seedCapacity, UrlCanonicalizer canonicalizer, Consumer<Rejected> rejected,
                            Consumer<String> warnings, Runnable onAvailable) {
        this.seedCapacity = seedCapacity;
        this.canonicalizer = canonicalizer;
        this.onAvailable = onAvailable;
        this.reader = TrawlThreads.startVirtual("seed-reader", () -> read(seedList, rejected, warnings));
    }

    private void read(Seeds seedList, Consumer<Rejected> rejected, Consumer<String> warnings) {
        try {
            lost = SeedReader.read(seedList, () -> closed, this::addSeed, rejected, warnings).lost();
        } finally {
            readerDone = true;
            onAvailable.run();
        }
    }

    private void addSeed(CrawlRequest request) throws InterruptedException {
        boolean first;
        lock.lock();
        try {
            while (seeds.size() >= seedCapacity && !closed) {
                seedRoom.await();
            }
            if (closed || !isNew(request)) {
                return;
            }
            seeds.add(request);
            first = seeds.size() == 1;
        } finally {
            lock.unlock();
        }
        if (first) {
            onAvailable.run(); // the engine may be waiting on an empty frontier
        }
    }

    @Override
    public void offer(CrawlRequest request) {
        lock.lock();
        try {
            if (!closed && isNew(request)) {
                if (request.kind() == RequestKind.SITEMAP) {
                    sitemaps.add(request);
                } else {
                    pages.add(Found.of(request));
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean isNew(CrawlRequest request) {
        // A site's front door is keyed apart from its root page, so both may be crawled.
        String key = (request.kind() == RequestKind.SITE ? "site " : "") + canonicalizer.canonical(request.url());
        return seen.add(key);
    }

    @Override
    public CrawlRequest poll() {
        lock.lock();
        try {
            // The next sitemap is read only when the pages found so far run low.
            if (!sitemaps.isEmpty() && pages.size() < seedCapacity) {
                return sitemaps.poll();
            }
            Found found = pages.poll();
            if (found != null) {
                return found.request();
            }
            CrawlRequest r = seeds.poll();
            if (r != null) {
                seedRoom.signal();
            }
            return r;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean exhausted() {
        lock.lock();
        try {
            return readerDone && seeds.isEmpty() && pages.isEmpty() && sitemaps.isEmpty();
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
            return seeds.size() + pages.size() + sitemaps.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            seedRoom.signalAll();
            seeds.clear();
            pages.clear();
            sitemaps.clear();
        } finally {
            lock.unlock();
        }
        TrawlThreads.stop(reader);
    }
}
