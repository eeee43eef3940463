package dev.trawl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trawl.crawl.CrawlProgress;
import dev.trawl.internal.text.ControlChars;
import java.io.PrintWriter;
import java.time.Instant;

/**
 * trawl's own lines on standard error — warnings, progress — as text ({@code trawl: ...}) or,
 * with {@code --log-json}, as one JSON object a line for log collectors. Thread-safe. Messages
 * carry text trawl did not write (file names, URLs, lines of a URL file), so their control
 * characters are escaped, in text and JSON alike ({@link ControlChars#escape}): a line never
 * moves the cursor, retitles or clears the terminal.
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
        write(json ? line("warn", message).toString() : text(message));
    }

    void info(String message) {
        write(json ? line("info", message).toString() : text(message));
    }

    /** One of trawl's lines as text, for the lines written without a LogLines: {@code trawl: } and the message, escaped. */
    static String text(String message) {
        return "trawl: " + ControlChars.escape(message);
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
                .put("message", ControlChars.escape(message));
    }

    private void write(String line) {
        synchronized (err) {
            err.println(line);
            err.flush();
        }
    }
}
