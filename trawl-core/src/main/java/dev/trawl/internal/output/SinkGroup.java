package dev.trawl.internal.output;

import dev.trawl.output.ResultSink;

import dev.trawl.crawl.CrawlResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A crawl's sinks, driven by its writer thread. A sink that fails is reported once, closed and
 * dropped; the others, and the crawl, go on.
 */
public final class SinkGroup {
    private final List<ResultSink> sinks;
    private final Consumer<String> warnings;

    public SinkGroup(List<ResultSink> sinks, Consumer<String> warnings) {
        this.sinks = new ArrayList<>(sinks);
        this.warnings = warnings;
    }

    public void accept(CrawlResult result) {
        for (ResultSink sink : List.copyOf(sinks)) {
            try {
                sink.accept(result);
            } catch (IOException | RuntimeException e) {
                fail(sink, e);
            }
        }
    }

    public void flush() {
        for (ResultSink sink : List.copyOf(sinks)) {
            try {
                sink.flush();
            } catch (IOException | RuntimeException e) {
                fail(sink, e);
            }
        }
    }

    public void close() {
        for (ResultSink sink : sinks) {
            try {
                sink.close();
            } catch (IOException | RuntimeException e) {
                warnings.accept("cannot close output: " + e.getMessage());
            }
        }
        sinks.clear();
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
}
