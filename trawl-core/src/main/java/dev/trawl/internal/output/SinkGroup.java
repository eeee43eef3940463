package dev.trawl.internal.output;

import dev.trawl.output.ResultSink;

import dev.trawl.crawl.CrawlResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A crawl's sinks, driven by its writer thread. A sink that fails is reported once, closed and
 * dropped; the others, and the crawl, go on, and {@link #failures()} says which outputs are
 * incomplete (a failed close counts: it is where buffered lines are written).
 */
public final class SinkGroup {
    private final List<ResultSink> sinks;
    private final Consumer<String> warnings;
    private final List<String> failures = new ArrayList<>();

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
                failed(sink, e, "");
            }
        }
        sinks.clear();
    }

    /** One line per output that could not be written whole: the output and the reason. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    private void failed(ResultSink sink, Exception e, String then) {
        String line = "cannot write " + sink + ": " + reason(e);
        failures.add(line);
        warnings.accept(line + then);
    }

    /** The OS's reason, not the Java exception's name. */
    private static String reason(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private void fail(ResultSink sink, Exception e) {
        failed(sink, e, "; that output is stopped, the crawl goes on");
        sinks.remove(sink);
        try {
            sink.close();
        } catch (IOException | RuntimeException ignored) {
            // already reported as broken
        }
    }
}
