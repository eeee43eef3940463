package dev.trawl.internal.writer;

import dev.trawl.crawl.CrawlResult;
import dev.trawl.fetch.Validators;
import dev.trawl.internal.frontier.CrawlRequest;
import dev.trawl.internal.output.SinkGroup;
import dev.trawl.internal.runtime.TrawlThreads;
import dev.trawl.output.ResultSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * The single writer of a crawl without a store (DESIGN.md, data flow step 7): one platform
 * thread drains a bounded queue of results into the sinks, so every file call happens here and
 * never on a request thread. A full queue blocks the submitting request thread: back-pressure.
 */
public final class ResultWriter implements ResultLog {
    /** What the queue carries: a result for the sinks, or the end. */
    private sealed interface Message {}

    private record Result(CrawlResult result) implements Message {}

    private record End() implements Message {}

    private final BlockingQueue<Message> queue;
    private final SinkGroup sinks;
    private final Thread thread;

    public ResultWriter(List<ResultSink> sinks, int capacity, Consumer<String> warnings) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.sinks = new SinkGroup(sinks, warnings);
        this.thread = TrawlThreads.startWriter(this::run);
    }

    @Override
    public void submit(CrawlRequest request, CrawlResult result, Validators validators) {
        put(new Result(result));
    }

    private void put(Message message) {
        try {
            queue.put(message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Message> batch = new ArrayList<>(256);
        try {
            while (true) {
                batch.add(queue.take());
                queue.drainTo(batch, 1023);
                for (Message m : batch) {
                    switch (m) {
                        case Result r -> sinks.accept(r.result());
                        case End e -> {
                            sinks.flush();
                            return;
                        }
                    }
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
        put(new End());
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
}
