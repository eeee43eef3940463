package dev.trawl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trawl.crawl.CrawlProgress;
import java.io.PrintWriter;
import java.time.Instant;

/**
 * trawl's own lines on standard error — warnings, progress — as text ({@code trawl: ...}) or,
 * with {@code --log-json}, as one JSON object a line for log collectors. Thread-safe.
 */
final class LogLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintWriter err;
    private final boolean json;

    LogLines(PrintWriter err, boolean json) {
        this.err = err;
        this.json = json;
    }

    boolean json() {
        return json;
    }

    PrintWriter err() {
        return err;
    }

    void warn(String message) {
        write(json ? line("warn", message).toString() : "trawl: " + message);
    }

    void info(String message) {
        write(json ? line("info", message).toString() : "trawl: " + message);
    }

    void progress(CrawlProgress p, String rendered) {
        if (!json) {
            write("trawl: progress: " + rendered);
            return;
        }
        ObjectNode n = line("info", rendered).put("event", "progress").put("done", p.counts().finished()).put("known", p.known())
                .put("in_flight", p.inFlight()).put("queued", p.queued()).put("retries_waiting", p.retriesWaiting())
                .put("failed", p.counts().failed()).put("products", p.counts().products()).put("elapsed_s", p.elapsed().toNanos() / 1e9);
        write(n.toString());
    }

    private static ObjectNode line(String level, String message) {
        return JSON.createObjectNode().put("time", Instant.now().toString()).put("level", level).put("logger", "trawl")
                .put("message", message);
    }

    private void write(String line) {
        synchronized (err) {
            err.println(line);
            err.flush();
        }
    }
}
