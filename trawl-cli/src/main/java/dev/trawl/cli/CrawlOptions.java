package dev.trawl.cli;

import dev.trawl.CrawlBuilder;
import dev.trawl.output.Sinks;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options every crawling command shares; they fill a {@link CrawlBuilder}. */
final class CrawlOptions {
    @Option(names = "--concurrency", paramLabel = "N", description = "Requests in flight at most, over all hosts (default: ${DEFAULT-VALUE}).")
    int concurrency = 64;

    @Option(names = "--per-host", paramLabel = "N", description = "Requests in flight at most to one host (default: ${DEFAULT-VALUE}).")
    int perHost = 8;

    @Option(names = "--delay", paramLabel = "DURATION", description = "Minimum time between two request starts to one host, e.g. 100ms (default: 0ms).")
    Duration delay = Duration.ZERO;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Timeout of one attempt, connect to last byte, e.g. 30s (default: 30s).")
    Duration timeout = Duration.ofSeconds(30);

    @Option(names = "--retries", paramLabel = "N", description = "Retries after the first attempt, on 408/429/5xx and network errors (default: ${DEFAULT-VALUE}).")
    int retries = 3;

    @Option(names = "--out", paramLabel = "FILE", description = "Products found, one line each: .jsonl or .csv.")
    Path out;

    @Option(names = "--outcomes", paramLabel = "FILE", description = "Every URL's terminal outcome and reason, one line each: .jsonl or .csv.")
    Path outcomes;

    @Option(names = "--user-agent", paramLabel = "TEXT", description = "The User-Agent header.")
    String userAgent;

    @Option(names = "--transport", paramLabel = "NAME", description = "HTTP client: apache (default) or jdk.")
    String transport = "apache";

    @Option(names = "--quiet", description = "Print nothing but errors.")
    boolean quiet;

    @Option(names = "--summary-json", paramLabel = "FILE", description = "Also write the summary as JSON (for scripts and benchmarks).")
    Path summaryJson;

    /** Checks the output file names, before anything is read or written. */
    void checkOutputs() {
        try {
            for (Path file : new Path[] {out, outcomes}) {
                if (file != null) {
                    Sinks.format(file);
                }
            }
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), 2);
        }
    }

    /** Applies the options and opens the output files. */
    CrawlBuilder apply(CrawlBuilder builder, PrintWriter err) {
        builder.concurrency(concurrency).perHost(perHost, delay).timeout(timeout).retries(retries).transport(transport)
                .warnings(line -> {
                    synchronized (err) {
                        err.println("trawl: " + line);
                        err.flush();
                    }
                });
        if (userAgent != null) {
            builder.userAgent(userAgent);
        }
        try {
            if (out != null) {
                builder.sink(Sinks.products(out));
            }
            if (outcomes != null) {
                builder.sink(Sinks.outcomes(outcomes));
            }
        } catch (IOException e) {
            throw new UserError("cannot write " + e.getMessage(), 1);
        }
        return builder;
    }
}
