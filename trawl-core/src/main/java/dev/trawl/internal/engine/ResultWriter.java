package dev.trawl.internal.engine;

import dev.trawl.internal.runtime.TrawlThreads;

import dev.trawl.crawl.CrawlResult;
import dev.trawl.fetch.Validators;
import dev.trawl.internal.frontier.CrawlRequest;
import dev.trawl.output.ResultSink;
import dev.trawl.internal.output.SinkGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * The single writer of a crawl without a store (DESIGN.md, data flow step 5): one platform
 * thread drains a bounded queue of results into the sinks, so every file call happens here and
 * never on a request thread. A full queue blocks the submitting request thread: back-pressure.
 */
final class ResultWriter implements ResultLog {
    private static final CrawlResult END = new CrawlResult(null, "", "", new dev.trawl.crawl.Outcome.Failed(
            dev.trawl.crawl.FailureReason.CANCELLED, "end", 0, 0), List.of(), java.time.Instant.EPOCH);

    private final BlockingQueue<CrawlResult> queue;
    private final SinkGroup sinks;
    private final Thread thread;

    ResultWriter(List<ResultSink> sinks, int capacity, Consumer<String> warnings) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.sinks = new SinkGroup(sinks, warnings);
        this.thread = TrawlThreads.startWriter(this::run);
    }

    @Override
    public void submit(CrawlRequest request, CrawlResult result, Validators validators) {
        put(result);
    }

    private void put(CrawlResult result) {
        try {
            queue.put(result);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<CrawlResult> batch = new ArrayList<>(256);
        try {
            while (true) {
                batch.add(queue.take());
                queue.drainTo(batch, 1023);
                for (CrawlResult r : batch) {
                    if (r == END) {
                        sinks.flush();
                        return;
                    }
                    sinks.accept(r);
                }
                batch.clear();
                if (queue.isEmpty()) {
                    sinks.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sinks.close();
        }
    }

    /** Writes everything submitted so far, closes the sinks and ends the thread. */
    @Override
    public void close(boolean complete) {
        put(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
