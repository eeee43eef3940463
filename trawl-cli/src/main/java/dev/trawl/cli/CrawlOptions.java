package dev.trawl.cli;

import dev.trawl.crawl.Crawl;
import dev.trawl.CrawlBuilder;
import dev.trawl.crawl.CrawlSummary;
import dev.trawl.internal.report.HtmlReport;
import dev.trawl.internal.report.Timeline;
import dev.trawl.discover.LinkRules;
import dev.trawl.internal.discover.UrlCanonicalizer;
import dev.trawl.output.Sinks;
import dev.trawl.store.CrawlStore;
import dev.trawl.recipe.RecipeException;
import dev.trawl.recipe.Recipes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
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

    @Option(names = "--quiet", description = "Print nothing but errors: no progress, no summary.")
    boolean quiet;

    @Option(names = "--recipe", paramLabel = "FILE|DIR", description = "A site recipe (YAML or JSON), or a directory of them. Repeatable.")
    List<Path> recipeFiles = new ArrayList<>();

    @Option(names = "--follow", paramLabel = "CSS", description = "From start pages, follow only the links this selector picks (default: every link). Repeatable.")
    List<String> follow = new ArrayList<>();

    @Option(names = "--next", paramLabel = "CSS", description = "\"Next page\" links, followed without adding a hop (default: a[rel=next]). Repeatable.")
    List<String> next = new ArrayList<>();

    @Option(names = "--include", paramLabel = "REGEX", description = "Follow or crawl from sitemaps only URLs this finds. Repeatable.")
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "REGEX", description = "Never follow or crawl URLs this finds. Repeatable.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--allow-host", paramLabel = "HOST", description = "Follow links to this host too (by default only to the page's own). Repeatable.")
    List<String> allowHosts = new ArrayList<>();

    @Option(names = "--max-depth", paramLabel = "N", description = "Link hops from a start page at most (default: ${DEFAULT-VALUE}).")
    int maxDepth = LinkRules.DEFAULT.maxDepth();

    @Option(names = "--modified-since", paramLabel = "DATE", description = "Skip sitemap entries whose <lastmod> is older, e.g. 2026-11-01 or 2026-11-01T12:00:00Z.")
    String modifiedSince;

    @Option(names = "--adaptive", description = "Find each host's concurrency (AIMD: grows while responses come back well, halves on 429/503/timeouts), up to --per-host.")
    boolean adaptive;

    @Option(names = "--detect-blocking", description = "Name any code that holds the carrier threads all requests share (JFR pinning events and a lag probe).")
    boolean detectBlocking;

    @Option(names = "--drop-param", paramLabel = "NAME", description = "A query parameter that does not change the page (a trailing * matches a prefix), dropped when URLs are compared, besides utm_*, gclid, fbclid... Repeatable.")
    List<String> dropParams = new ArrayList<>();

    @Option(names = "--keep-params", description = "Compare URLs with every query parameter, tracking ones included.")
    boolean keepParams;

    @Option(names = "--ignore-robots", description = "Do not obey robots.txt (it is still read for --site's sitemaps).")
    boolean ignoreRobots;

    @Option(names = "--progress-every", paramLabel = "DURATION", description = "When standard error is not a terminal, a progress line this often (default: 10s).")
    Duration progressEvery = Duration.ofSeconds(10);

    @Option(names = "--metrics-port", paramLabel = "PORT", description = "Serve Prometheus metrics at http://127.0.0.1:PORT/metrics while the crawl runs.")
    Integer metricsPort;

    @Option(names = "--report", paramLabel = "FILE", description = "Write a self-contained HTML report (charts over time, latency, statuses, failures, hosts).")
    Path report;

    @Option(names = "--log-json", description = "Write trawl's warnings and progress to standard error as JSON lines, for log collectors.")
    boolean logJson;

    @Option(names = "--store", paramLabel = "STORE", description = {"Keep the crawl in this SQLite file, or in the PostgreSQL database at "
            + "this URL (jdbc:postgresql://host:port/db?user=..&password=.. or postgresql://user:password@host:port/db), "
            + "which several crawls share, one --job each: every URL, outcome and product, "
            + "committed as it goes. Give the same command again to resume a crawl that was stopped or killed; after a finished one, "
            + "it starts the job's next run (unchanged pages then answer 304). --out is written from the store when the crawl ends.",
            "See also: trawl runs, trawl export, trawl diff."})
    String store;

    @Option(names = "--job", paramLabel = "NAME", description = "The recurring crawl this run belongs to, in --store (default: ${DEFAULT-VALUE}).")
    String job = "crawl";

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

    private Recipes recipes = Recipes.NONE;

    /** Applies the options and opens the output files. */
    CrawlBuilder apply(CrawlBuilder builder, PrintWriter err) {
        try {
            recipes = Recipes.load(recipeFiles);
        } catch (RecipeException e) {
            throw new UserError(e.getMessage(), 2);
        }
        List<String> tracking = new ArrayList<>(keepParams ? List.of() : UrlCanonicalizer.DEFAULT_TRACKING);
        tracking.addAll(dropParams);
        builder.recipes(recipes).follow(linkRules()).obeyRobots(!ignoreRobots).modifiedSince(since()).trackingParameters(tracking)
                .detectBlocking(detectBlocking).adaptive(adaptive);
        builder.concurrency(concurrency).perHost(perHost, delay).timeout(timeout).retries(retries).transport(transport)
                .warnings(log(err)::warn);
        if (userAgent != null) {
            builder.userAgent(userAgent);
        }
        if (store != null) {
            openedStore = StoreFiles.openToWrite(store);
            builder.store(openedStore).job(job);
        }
        try {
            if (out != null && openedStore == null) {
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

    private CrawlStore openedStore;

    /**
     * With --store: writes --out from the store's run (the whole run, resumed parts included) and
     * closes the store. Without, the sinks wrote it as the crawl went.
     */
    void finishStore(CrawlSummary summary, PrintWriter err) {
        if (openedStore == null) {
            return;
        }
        try (CrawlStore s = openedStore) {
            if (out != null) {
                long n = StoreFiles.exportProducts(s, summary.run().id(), null, out, null);
                if (!quiet) {
                    err.printf("trawl: %d products of run %d written from %s to %s%n", n, summary.run().id(), s.describe(), out);
                }
            }
        }
    }

    /** The store's name for messages (a PostgreSQL URL without its credentials). */
    String storeName() {
        return openedStore != null ? openedStore.describe() : store;
    }

    /** Closes the store after a failed start. */
    void closeStore() {
        if (openedStore != null) {
            openedStore.close();
        }
    }

    private LogLines log;

    /** Where trawl's own lines go, as text or JSON. */
    LogLines log(PrintWriter err) {
        if (log == null) {
            log = new LogLines(err, logJson);
        }
        return log;
    }

    /** The live progress line for a started crawl, or null with --quiet. */
    ProgressLine progress(Crawl crawl, PrintWriter err) {
        return quiet ? null : ProgressLine.start(crawl, log(err), progressEvery);
    }

    /** The timeline the report needs, sampled while the crawl runs; null without --report. */
    Timeline timeline(Crawl crawl) {
        return report == null ? null : Timeline.start(crawl);
    }

    /** Writes the report, if asked for. */
    void writeReport(CrawlSummary summary, Timeline timeline) {
        if (report == null) {
            return;
        }
        try {
            HtmlReport.write(report, summary, timeline.samples());
        } catch (IOException e) {
            throw new UserError("cannot write --report " + report + ": " + e.getMessage(), 1);
        }
    }

    /** The metrics endpoint for a started crawl, or null without --metrics-port. */
    MetricsServer metrics(Crawl crawl, PrintWriter err) {
        if (metricsPort == null) {
            return null;
        }
        MetricsServer server = MetricsServer.start(crawl, metricsPort);
        if (!quiet) {
            log(err).info("metrics at http://127.0.0.1:" + server.port() + "/metrics");
        }
        return server;
    }

    /** Prints what the recipes could not read, one line each. */
    void reportRecipes(PrintWriter err) {
        recipes.report().forEach(log(err)::warn);
    }

    private Instant since() {
        if (modifiedSince == null) {
            return null;
        }
        try {
            return modifiedSince.contains("T") ? Instant.parse(modifiedSince)
                    : LocalDate.parse(modifiedSince).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new UserError("--modified-since " + modifiedSince + ": not a date such as 2026-11-01 or 2026-11-01T12:00:00Z", 2);
        }
    }

    private LinkRules linkRules() {
        try {
            return new LinkRules(Set.copyOf(allowHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList()),
                    patterns("--include", include), patterns("--exclude", exclude), follow,
                    next.isEmpty() ? LinkRules.DEFAULT.nextPageSelectors() : next, maxDepth);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), 2);
        }
    }

    private static List<Pattern> patterns(String option, List<String> regexes) {
        List<Pattern> out = new ArrayList<>();
        for (String r : regexes) {
            try {
                out.add(Pattern.compile(r));
            } catch (PatternSyntaxException e) {
                throw new UserError(option + " " + r + ": not a regular expression: " + e.getDescription(), 2);
            }
        }
        return out;
    }
}
