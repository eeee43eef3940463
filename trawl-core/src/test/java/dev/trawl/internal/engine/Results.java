package dev.trawl.internal.engine;

import dev.trawl.crawl.CrawlResult;
import dev.trawl.crawl.Outcome;
import dev.trawl.output.ResultSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A sink for tests: keeps every result it is given (it runs on the writer thread only). */
final class Results implements ResultSink {
    private final List<CrawlResult> all = new ArrayList<>();
    volatile boolean closed;

    @Override
    public synchronized void accept(CrawlResult result) {
        all.add(result);
    }

    @Override
    public void close() {
        closed = true;
    }

    synchronized List<CrawlResult> all() {
        return List.copyOf(all);
    }

    /** The one result of each URL; fails if a URL has more than one. */
    synchronized Map<String, CrawlResult> byUrl() {
        return all.stream().collect(Collectors.toMap(CrawlResult::rawUrl, Function.identity(), (a, b) -> {
            throw new AssertionError("two outcomes for " + a.rawUrl() + ": " + a.outcome() + " and " + b.outcome());
        }));
    }

    CrawlResult only() {
        List<CrawlResult> list = all();
        if (list.size() != 1) {
            throw new AssertionError("expected one result, got " + list);
        }
        return list.getFirst();
    }

    Outcome.Failed failed() {
        return (Outcome.Failed) only().outcome();
    }
}
