package dev.trawl.cli;

import dev.trawl.CrawlBuilder;
import dev.trawl.InvalidSettingException;
import dev.trawl.Sinks;
import dev.trawl.crawl.Crawl;
import dev.trawl.crawl.CrawlSummary;
import dev.trawl.internal.report.HtmlReport;
import dev.trawl.internal.report.Timeline;
import dev.trawl.store.CrawlStore;
import dev.trawl.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import dev.trawl.postgres.PostgresCrawlStore;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One crawl as the CLI runs it, for {@code crawl} and {@code demo} alike: opens the store, adds
 * the output files' sinks, starts the crawl with progress, metrics and a report's timeline, waits,
 * writes the products from the store, the report and the summary. Everything goes to the streams
 * the command was given.
 */
final class CrawlSession {

    /**
     * Where a crawl's results go, and what is shown while it runs.
     *
     * @param store         an SQLite file or PostgreSQL URL; null for none
     * @param job           the store's job
     * @param out           the products file; with a store, written from the store's run at the end
     * @param outcomes      every URL's outcome, as the crawl goes
     * @param report        the HTML report
     * @param summaryJson   the summary as JSON
     * @param metricsPort   a Prometheus endpoint on loopback while the crawl runs
     * @param progressEvery how often a progress line is written when standard error is not a terminal
     * @param quiet         nothing but errors
     * @param logJson       trawl's lines on standard error as JSON
     * @param storePasswordFile a PostgreSQL store's password, on the file's first line (null: the URL's, or PGPASSWORD...)
     * @param csvRaw        CSV files' text cells as they are, formulas and all (see {@link Sinks.CsvCells})
     */
    record Outputs(String store, String job, Path out, Path outcomes, Path report, Path summaryJson, Integer metricsPort,
                   Duration progressEvery, boolean quiet, boolean logJson, boolean csvRaw, Path storePasswordFile) {

        Sinks.CsvCells csvCells() {
            return csvRaw ? Sinks.CsvCells.RAW : Sinks.CsvCells.SAFE;
        }

        /** Checks the output files' names and the flags of what is shown, before anything is read or written. */
        void check() {
            if (metricsPort != null && (metricsPort < 0 || metricsPort > 65535)) {
                throw new UserError("--metrics-port must be between 0 and 65535, was " + metricsPort, 2);
            }
            if (!progressEvery.isPositive()) {
                throw new UserError("--progress-every must be a positive duration, was " + new Span(progressEvery), 2);
            }
            checkDistinct();
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

        /** No output may overwrite the store (or its journal files) or another output. */
        private void checkDistinct() {
            Map<Path, String> taken = new HashMap<>();
            if (store != null && !PostgresCrawlStore.isUrl(store)) {
                Path db = Path.of(store).toAbsolutePath().normalize();
                for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
                    taken.put(db.resolveSibling(db.getFileName() + suffix), "--store");
                }
            }
            Map<String, Path> files = new LinkedHashMap<>();
            files.put("--out", out);
            files.put("--outcomes", outcomes);
            files.put("--report", report);
            files.put("--summary-json", summaryJson);
            files.forEach((flag, file) -> {
                if (file == null) {
                    return;
                }
                String other = taken.putIfAbsent(file.toAbsolutePath().normalize(), flag);
                if (other != null) {
                    throw new UserError(flag + " " + file + " is the file of " + other + ": give each output a file of its own", 2);
                }
            });
        }
    }

    /** How the crawl ended: its summary, and whether a signal stopped it. */
    record Finished(CrawlSummary summary, boolean signalled) {

        /** 0 when done, 1 when the store stopped the crawl or an output is incomplete; a signal's exit is the JVM's. */
        int exitCode() {
            boolean storeFailed = summary.stoppedEarly() && !signalled;
            return storeFailed || !summary.incomplete().isEmpty() ? 1 : 0;
        }
    }

    private final Outputs outputs;
    private final PrintWriter out;
    private final PrintWriter err;
    private final LogLines log;

    CrawlSession(Outputs outputs, PrintWriter out, PrintWriter err) {
        this.outputs = outputs;
        this.out = out;
        this.err = err;
        this.log = new LogLines(err, outputs.logJson());
    }

    /** Runs the crawl the builder describes to its end, prints its summary unless quiet, and says how it ended. */
    Finished run(CrawlBuilder builder) throws InterruptedException {
        outputs.check();
        builder.warnings(log::warn);
        CrawlStore store = outputs.store() == null ? null : StoreFiles.openToWrite(outputs.store(), outputs.storePasswordFile());
        Crawl crawl;
        try {
            if (store != null) {
                builder.store(store).job(outputs.job());
            } else if (outputs.out() != null) {
                builder.sink(Sinks.products(outputs.out(), outputs.csvCells()));
            }
            if (outputs.outcomes() != null) {
                builder.sink(Sinks.outcomes(outputs.outcomes(), outputs.csvCells()));
            }
            crawl = builder.start();
        } catch (IOException e) {
            closeQuietly(store);
            throw new UserError("cannot write " + e.getMessage(), 1);
        } catch (InvalidSettingException e) {
            closeQuietly(store);
            throw new UserError(flag(e.setting()) + ": " + e.problem(), 2);
        } catch (StoreException e) {
            closeQuietly(store);
            throw new UserError(e.getMessage(), 1);
        }
        // The signal's exit waits until this block has written everything.
        try (StopOnSignal stop = StopOnSignal.install(crawl)) {
            CrawlSummary summary;
            Timeline timeline;
            try (crawl; MetricsServer metrics = metrics(crawl);
                 ProgressLine progress = outputs.quiet() ? null : ProgressLine.start(crawl, log, outputs.progressEvery());
                 Timeline sampled = outputs.report() == null ? null : Timeline.start(crawl)) {
                timeline = sampled;
                summary = crawl.await();
            } catch (RuntimeException | InterruptedException e) {
                closeQuietly(store);
                throw e;
            }
            finish(store, summary, timeline, stop.signalled());
            return new Finished(summary, stop.signalled());
        }
    }

    private void finish(CrawlStore store, CrawlSummary summary, Timeline timeline, boolean signalled) {
        if (store != null) {
            try (store) {
                writeProducts(store, summary);
            }
        }
        writeReport(summary, timeline);
        summary.recipeReport().forEach(log::warn);
        if (!outputs.quiet() && outputs.logJson()) {
            out.println(SummaryPrinter.json(summary).put("event", "summary")); // one JSON line, like every other line
        } else if (!outputs.quiet()) {
            SummaryPrinter.print(summary, out);
            if (outputs.report() != null) {
                out.println("  report: " + outputs.report());
            }
        }
        if (outputs.summaryJson() != null) {
            try {
                SummaryPrinter.writeJson(summary, outputs.summaryJson());
            } catch (IOException e) {
                throw new UserError("cannot write --summary-json " + outputs.summaryJson() + ": " + e.getMessage(), 1);
            }
        }
        if (!summary.incomplete().isEmpty()) {
            err.println("trawl: " + summary.incomplete().size() + " input or output incomplete: " + String.join("; ", summary.incomplete())
                    + (store == null ? "" : "; the store has every result: 'trawl export " + store.describe() + " --run " + summary.run().id()
                    + " --out FILE' writes the products again"));
        }
        if (signalled) {
            err.println(LogLines.text("stopped by a signal" + (summary.run() == null
                    ? "; URLs without an outcome were not fetched (with --store, a crawl resumes where it stopped)"
                    : "; run " + summary.run().id() + " is kept in " + store.describe() + ": give the same command again to resume it")));
        }
        out.flush();
        err.flush();
    }

    /** With a store, --out is written from the store's run: the whole run, resumed parts included. */
    private void writeProducts(CrawlStore store, CrawlSummary summary) {
        if (outputs.out() == null) {
            return;
        }
        long n = StoreFiles.exportProducts(store, summary.run().id(), null, outputs.out(), null, outputs.csvRaw());
        if (!outputs.quiet()) {
            err.println(LogLines.text(n + " products of run " + summary.run().id() + " written from " + store.describe() + " to "
                    + outputs.out()));
        }
    }

    private void writeReport(CrawlSummary summary, Timeline timeline) {
        if (outputs.report() == null) {
            return;
        }
        try {
            HtmlReport.write(outputs.report(), summary, timeline.samples());
        } catch (IOException e) {
            throw new UserError("cannot write --report " + outputs.report() + ": " + e.getMessage(), 1);
        }
    }

    private MetricsServer metrics(Crawl crawl) {
        if (outputs.metricsPort() == null) {
            return null;
        }
        MetricsServer server = MetricsServer.start(crawl, outputs.metricsPort());
        if (!outputs.quiet()) {
            log.info("metrics at http://127.0.0.1:" + server.port() + "/metrics");
        }
        return server;
    }

    private static void closeQuietly(CrawlStore store) {
        if (store != null) {
            store.close();
        }
    }

    /** The flag a builder setting is given by: {@code perHost} is {@code --per-host}. */
    static String flag(String setting) {
        StringBuilder flag = new StringBuilder("--");
        for (char c : setting.toCharArray()) {
            if (Character.isUpperCase(c)) {
                flag.append('-').append(Character.toLowerCase(c));
            } else {
                flag.append(c);
            }
        }
        return flag.toString().toLowerCase(Locale.ROOT);
    }
}
