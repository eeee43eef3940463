package dev.trawl.internal.engine;

import dev.trawl.internal.frontier.StoreFrontier;
import dev.trawl.internal.runtime.TrawlThreads;

import dev.trawl.crawl.CrawlResult;
import dev.trawl.crawl.Outcome;
import dev.trawl.internal.discover.UrlCanonicalizer;
import dev.trawl.fetch.Validators;
import dev.trawl.internal.frontier.CrawlRequest;
import dev.trawl.internal.frontier.RequestKind;
import dev.trawl.output.ResultSink;
import dev.trawl.internal.output.SinkGroup;
import dev.trawl.store.CrawlStore;
import dev.trawl.store.Run;
import dev.trawl.internal.store.StoreBatch;
import dev.trawl.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The single writer of a crawl with a store (DESIGN.md, data flow step 5, invariants 2 and 6):
 * one platform thread takes every store call. It drains a bounded queue (a full one blocks the
 * submitting thread: back-pressure) into batches of at most {@code maxBatch} operations or
 * {@code maxDelay}, each one transaction, so a request's products commit with its outcome. After
 * each commit it hands the results to the sinks, tells the frontier what entered it, and reads
 * the frontier's next page from the store when asked.
 */
public final class StoreWriter implements ResultLog {
    private static final Object LOAD = new Object();
    private static final Object SEEDS_READ = new Object();
    private static final Object END = new Object();
    private static final Object FINISH = new Object();

    private final CrawlStore store;
    private final UrlCanonicalizer canonicalizer;
    private final BlockingQueue<Object> queue;
    private final SinkGroup sinks;
    private final Consumer<String> warnings;
    private final Runnable onFailure;
    private final int maxBatch;
    private final long maxDelayNanos;
    private final CompletableFuture<Run> run = new CompletableFuture<>();
    private final Thread thread;
    private volatile StoreFrontier frontier;
    private volatile boolean broken;

    StoreWriter(CrawlStore store, String job, UrlCanonicalizer canonicalizer, List<ResultSink> sinks, int capacity,
                Duration maxDelay, Consumer<String> warnings, Runnable onFailure) {
        this.store = store;
        this.canonicalizer = canonicalizer;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.sinks = new SinkGroup(sinks, warnings);
        this.warnings = warnings;
        this.onFailure = onFailure;
        this.maxBatch = Math.max(64, capacity / 2);
        this.maxDelayNanos = maxDelay.toNanos();
        this.thread = TrawlThreads.startWriter(() -> run(job));
    }

    /** The run this crawl writes: the job's unfinished one, or a new one. Waits until the store has answered. */
    Run run() {
        try {
            return run.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof StoreException s ? s : new StoreException(store.describe() + ": " + e.getCause(), e.getCause());
        }
    }

    public void attach(StoreFrontier frontier) {
        this.frontier = frontier;
    }

    /** The row key of a request: its canonical URL, a site seed's marked apart from its root page's. */
    String key(CrawlRequest request) {
        return (request.kind() == RequestKind.SITE ? "site " : "") + canonicalizer.canonical(request.seedUrl());
    }

    public void insert(CrawlRequest request) {
        put(new StoreBatch.Insert(key(request), request));
    }

    @Override
    public void submit(CrawlRequest request, CrawlResult result, Validators validators) {
        String key = request != null ? key(request) : "invalid " + result.source() + " " + result.rawUrl();
        put(new StoreBatch.Ended(key, request, result, validators));
    }

    /** A site seed has become its sitemaps: its row ends, with no outcome line of its own. */
    public void expanded(CrawlRequest site) {
        put(new StoreBatch.Ended(key(site), site, new CrawlResult(site.seedUrl(), site.source(), site.seedUrl().toString(),
                new Outcome.Done(0, 0, Duration.ZERO, 0, site.seedUrl()), List.of(), Instant.now()), Validators.NONE));
    }

    public void retrying(CrawlRequest request, long notBeforeMillis) {
        put(new StoreBatch.Retried(key(request), request.attempts() - request.redirects(), notBeforeMillis));
    }

    public void seedsRead() {
        put(SEEDS_READ);
    }

    /** Asks for the frontier's next page without waiting (the caller may hold the engine's lock). */
    public void wantLoad() {
        queue.offer(LOAD); // when full, the writer is busy and loads after its next commit anyway
    }

    private void put(Object op) {
        try {
            queue.put(op);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(String job) {
        Run current;
        try {
            current = store.begin(job);
            run.complete(current);
        } catch (RuntimeException e) {
            run.completeExceptionally(e);
            return;
        }
        try {
            boolean end = false;
            while (!end) {
                Object op = queue.take();
                Batch batch = new Batch(current.id());
                long deadline = System.nanoTime() + maxDelayNanos;
                while (op != null) {
                    if (op == END) {
                        end = true;
                        break;
                    }
                    if (op == LOAD) {
                        break; // the frontier runs low: commit what there is and read on
                    }
                    batch.add(op);
                    long left = deadline - System.nanoTime();
                    op = batch.size() >= maxBatch || left <= 0 ? null : queue.poll(left, TimeUnit.NANOSECONDS);
                }
                commit(batch);
                if (frontier != null && !broken) {
                    try {
                        frontier.load(store, current.id());
                    } catch (StoreException e) {
                        fail("cannot read the crawl store", e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sinks.close();
        }
    }

    private void commit(Batch batch) {
        if (broken || batch.isEmpty()) {
            return;
        }
        try {
            store.commit(batch.toStoreBatch());
        } catch (StoreException e) {
            fail("cannot write the crawl store", e);
            return;
        }
        for (StoreBatch.Ended e : batch.ended) {
            if (e.request() == null || e.request().kind() != RequestKind.SITE) {
                sinks.accept(e.result());
            }
        }
        sinks.flush();
        if (frontier != null) {
            frontier.committed(batch.inserted);
        }
    }

    /** A commit or a frontier read failed: later writes are dropped, so the run stays resumable from its last commit. */
    private void fail(String what, StoreException e) {
        broken = true;
        warnings.accept(what + ": " + e.getMessage() + "; the crawl stops, and resumes from its last commit");
        onFailure.run();
    }

    /** Writes everything submitted, marks the run finished when {@code complete}, and ends the thread. */
    @Override
    public void close(boolean complete) {
        if (complete) {
            put(FINISH);
        }
        put(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True when a commit failed: the crawl's later results are not in the store. */
    boolean broken() {
        return broken;
    }

    /** The operations of one transaction, as they are taken from the queue. */
    private static final class Batch {
        private final long run;
        private final List<StoreBatch.Insert> inserts = new ArrayList<>();
        private final List<StoreBatch.Ended> ended = new ArrayList<>();
        private final List<StoreBatch.Retried> retries = new ArrayList<>();
        private final int[] inserted = new int[dev.trawl.internal.store.Lane.values().length];
        private boolean seedsRead;
        private boolean finished;

        Batch(long run) {
            this.run = run;
        }

        void add(Object op) {
            switch (op) {
                case StoreBatch.Insert i -> {
                    inserts.add(i);
                    inserted[dev.trawl.internal.store.Lane.of(i.request().kind()).ordinal()]++;
                }
                case StoreBatch.Ended e -> ended.add(e);
                case StoreBatch.Retried r -> retries.add(r);
                default -> {
                    if (op == SEEDS_READ) {
                        seedsRead = true;
                    } else if (op == FINISH) {
                        finished = true;
                    }
                }
            }
        }

        int size() {
            return inserts.size() + ended.size() + retries.size();
        }

        boolean isEmpty() {
            return size() == 0 && !seedsRead && !finished;
        }

        StoreBatch toStoreBatch() {
            return new StoreBatch(run, inserts, ended, retries, seedsRead, finished);
        }
    }
}
