package dev.trawl.engine;

import dev.trawl.CrawlResult;
import dev.trawl.output.ResultSink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * The crawl's single writer (DESIGN.md, data flow step 5): one platform thread drains a bounded
 * queue of results into the sinks, so every file or database call happens here and never on a
 * request thread. A full queue blocks the submitting request thread: back-pressure.
 */
final class ResultWriter implements AutoCloseable {
    private static final CrawlResult END = new CrawlResult(null, "", "", new dev.trawl.Outcome.Failed(
            dev.trawl.FailureReason.CANCELLED, "end", 0, 0), List.of(), java.time.Instant.EPOCH);

    private final BlockingQueue<CrawlResult> queue;
    private final List<ResultSink> sinks;
    private final Consumer<String> warnings;
    private final Thread thread;

    ResultWriter(List<ResultSink> sinks, int capacity, Consumer<String> warnings) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.sinks = new ArrayList<>(sinks);
        this.warnings = warnings;
        this.thread = TrawlThreads.startWriter(this::run);
    }

    void submit(CrawlResult result) {
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
                        flush();
                        return;
                    }
                    for (ResultSink sink : List.copyOf(sinks)) {
                        try {
                            sink.accept(r);
                        } catch (IOException | RuntimeException e) {
                            fail(sink, e);
                        }
                    }
                }
                batch.clear();
                if (queue.isEmpty()) {
                    flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (ResultSink sink : sinks) {
                try {
                    sink.close();
                } catch (IOException | RuntimeException e) {
                    warnings.accept("cannot close output: " + e.getMessage());
                }
            }
        }
    }

    private void flush() {
        for (ResultSink sink : List.copyOf(sinks)) {
            try {
                sink.flush();
            } catch (IOException | RuntimeException e) {
                fail(sink, e);
            }
        }
    }

    private void fail(ResultSink sink, Exception e) {
        warnings.accept("cannot write output (" + sink + "): " + e.getMessage() + "; that output is stopped, the crawl goes on");
        sinks.remove(sink);
        try {
            sink.close();
        } catch (IOException | RuntimeException ignored) {
            // already reported as broken
        }
    }

    /** Writes everything submitted so far, closes the sinks and ends the thread. */
    @Override
    public void close() {
        submit(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
