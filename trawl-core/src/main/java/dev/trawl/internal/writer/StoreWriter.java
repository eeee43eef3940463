package dev.trawl.internal.writer;

import dev.trawl.crawl.CrawlResult;
import dev.trawl.crawl.FailureReason;
import dev.trawl.crawl.Outcome;
import dev.trawl.fetch.Validators;
import dev.trawl.internal.discover.UrlCanonicalizer;
import dev.trawl.internal.frontier.CrawlRequest;
import dev.trawl.internal.frontier.Lane;
import dev.trawl.internal.frontier.RequestKind;
import dev.trawl.internal.frontier.StoreFrontier;
import dev.trawl.internal.frontier.StorePort;
import dev.trawl.internal.output.SinkGroup;
import dev.trawl.internal.runtime.TrawlThreads;
import dev.trawl.internal.store.StoreBackend;
import dev.trawl.internal.store.StoreBatch;
import dev.trawl.output.ResultSink;
import dev.trawl.store.Run;
import dev.trawl.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The single writer of a crawl with a store (DESIGN.md, data flow step 7, invariants 2 and 6):
 * one platform thread takes every store call. It drains a bounded queue (a full one blocks the
 * submitting thread: back-pressure) into batches of at most {@code maxBatch} operations or
 * {@code maxDelay}, each one transaction, so a request's products commit with its outcome. After
 * each commit it hands the results to the sinks, tells the frontier what entered it, and reads
 * the frontier's next page from the store when asked.
 */
public final class StoreWriter implements ResultLog, StorePort {
    private final StoreBackend store;
    private final UrlCanonicalizer canonicalizer;
    private final BlockingQueue<StoreMessage> queue;
    private final SinkGroup sinks;
    private final Consumer<String> warnings;
    private final Runnable onFailure;
    private final int maxBatch;
    private final long maxDelayNanos;
    private final CompletableFuture<Run> run = new CompletableFuture<>();
    private final Thread thread;
    private volatile StoreFrontier frontier;
    private volatile boolean broken;
    /** Requests of this crawl in the store: pending at its start plus those added since; -1 before it began. */
    private volatile long requests = -1;

    public StoreWriter(StoreBackend store, String job, UrlCanonicalizer canonicalizer, List<ResultSink> sinks, int capacity,
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
    public Run run() {
        try {
            return run.join();
        } catch (CompletionException e) {
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

    @Override
    public void insert(CrawlRequest request) {
        put(new StoreMessage.Write(new StoreBatch.Insert(key(request), request)));
    }

    @Override
    public void submit(CrawlRequest request, CrawlResult result, Validators validators) {
        String key = request != null ? key(request) : "invalid " + result.source() + " " + result.rawUrl();
        put(new StoreMessage.Write(new StoreBatch.Ended(key, request, result, validators)));
    }

    @Override
    public void expanded(CrawlRequest site) {
        put(new StoreMessage.Write(new StoreBatch.Ended(key(site), site, new CrawlResult(site.seedUrl(), site.source(),
                site.seedUrl().toString(), new Outcome.Done(0, 0, Duration.ZERO, 0, site.seedUrl()), List.of(), Instant.now()),
                Validators.NONE)));
    }

    @Override
    public void retrying(CrawlRequest request, long notBeforeMillis) {
        put(new StoreMessage.Write(new StoreBatch.Retried(key(request), request.attempts() - request.redirects(), notBeforeMillis)));
    }

    @Override
    public void seedsRead() {
        put(StoreMessage.Signal.SEEDS_READ);
    }

    @Override
    public void wantLoad() {
        queue.offer(StoreMessage.Signal.LOAD); // when full, the writer is busy and loads after its next commit anyway
    }

    @Override
    public long requests() {
        return requests;
    }

    private void put(StoreMessage op) {
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
            requests = store.unfinished(current.id());
            run.complete(current);
        } catch (RuntimeException e) {
            run.completeExceptionally(e);
            return;
        }
        try {
            boolean end = false;
            while (!end) {
                StoreMessage message = queue.take();
                Batch batch = new Batch(current.id());
                long deadline = System.nanoTime() + maxDelayNanos;
                boolean cut = false;
                while (message != null && !cut) {
                    switch (message) {
                        case StoreMessage.Write w -> batch.add(w.op());
                        case StoreMessage.Signal.SEEDS_READ -> batch.seedsRead = true;
                        case StoreMessage.Signal.FINISH -> batch.finished = true;
                        case StoreMessage.Signal.LOAD -> cut = true; // the frontier runs low: commit what there is and read on
                        case StoreMessage.Signal.END -> end = cut = true;
                    }
                    long left = deadline - System.nanoTime();
                    message = cut || batch.size() >= maxBatch || left <= 0 ? null : queue.poll(left, TimeUnit.NANOSECONDS);
                }
                commit(batch);
                if (frontier != null && !broken) {
                    try {
                        frontier.load((lane, after, limit) -> store.pending(current.id(), lane, after, limit));
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
            requests += store.commit(batch.toStoreBatch()); // only this thread writes it
        } catch (StoreException e) {
            fail("cannot write the crawl store", e);
            return;
        }
        for (StoreBatch.Ended e : batch.ended) {
            boolean stopped = e.result().outcome() instanceof Outcome.Failed f && f.reason() == FailureReason.CANCELLED;
            // A site seed has no line of its own; a request stopped in flight stays pending, so it has none yet either.
            if (!stopped && (e.request() == null || e.request().kind() != RequestKind.SITE)) {
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
            put(StoreMessage.Signal.FINISH);
        }
        put(StoreMessage.Signal.END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public List<String> incomplete() {
        return sinks.failures();
    }

    /** The operations of one transaction, as they are taken from the queue. */
    private static final class Batch {
        private final long run;
        private final List<StoreBatch.Insert> inserts = new ArrayList<>();
        private final List<StoreBatch.Ended> ended = new ArrayList<>();
        private final List<StoreBatch.Retried> retries = new ArrayList<>();
        private final int[] inserted = new int[Lane.values().length];
        private boolean seedsRead;
        private boolean finished;

        Batch(long run) {
            this.run = run;
        }

        void add(StoreBatch.Op op) {
            switch (op) {
                case StoreBatch.Insert i -> {
                    inserts.add(i);
                    inserted[Lane.of(i.request().kind()).ordinal()]++;
                }
                case StoreBatch.Ended e -> ended.add(e);
                case StoreBatch.Retried r -> retries.add(r);
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
