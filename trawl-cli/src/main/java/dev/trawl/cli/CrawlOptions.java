package dev.trawl.cli;

import dev.trawl.fetch.ProxyServer;
import dev.trawl.fetch.RenderSettings;
import dev.trawl.fetch.SessionPolicy;
import dev.trawl.internal.proxy.ProxyFile;
import dev.trawl.internal.text.ControlChars;
import dev.trawl.CrawlBuilder;
import dev.trawl.Recipes;
import dev.trawl.Transports;
import dev.trawl.discover.LinkRules;
import dev.trawl.fetch.Transport;
import dev.trawl.recipe.RecipeException;
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

/** The options of {@code trawl crawl}: they fill a {@link CrawlBuilder} (whose constants are the defaults shown) and the {@link CrawlSession}. */
final class CrawlOptions {
    @Option(names = "--concurrency", paramLabel = "N", description = "Requests in flight at most, over all hosts (default: ${DEFAULT-VALUE}).")
    int concurrency = CrawlBuilder.DEFAULT_CONCURRENCY;

    @Option(names = "--per-host", paramLabel = "N", description = "Requests in flight at most to one host (default: ${DEFAULT-VALUE}).")
    int perHost = CrawlBuilder.DEFAULT_PER_HOST;

    @Option(names = "--delay", paramLabel = "DURATION", description = "Minimum time between two request starts to one host, e.g. 100ms (default: ${DEFAULT-VALUE}).")
    Span delay = new Span(CrawlBuilder.DEFAULT_DELAY);

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Timeout of one attempt, connect to last byte, e.g. 30s (default: ${DEFAULT-VALUE}).")
    Span timeout = new Span(CrawlBuilder.DEFAULT_TIMEOUT);

    @Option(names = "--retries", paramLabel = "N", description = "Retries after the first attempt, on 408/429/5xx, blocks and network errors (default: ${DEFAULT-VALUE}).")
    int retries = CrawlBuilder.DEFAULT_RETRIES;

    @Option(names = "--out", paramLabel = "FILE", description = "Products found, one line each: .jsonl or .csv.")
    Path out;

    @Option(names = "--outcomes", paramLabel = "FILE", description = "Every URL's terminal outcome and reason, one line each: .jsonl or .csv.")
    Path outcomes;

    @Option(names = "--csv-raw", description = CSV_RAW)
    boolean csvRaw;

    /** The help of every command's --csv-raw. */
    static final String CSV_RAW = "In CSV, write text cells as they are. By default a text cell starting with = + - @ (a formula "
            + "to a spreadsheet) gets a leading ' so it is shown, not run; numbers are never changed. For programs, not spreadsheets.";

    @Option(names = "--user-agent", paramLabel = "TEXT", description = "The User-Agent header (default: " + CrawlBuilder.DEFAULT_USER_AGENT + ").")
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

    @Option(names = "--allow-host", paramLabel = "HOST", description = "Follow links, redirects and sitemap entries to this host too (by default only to the page's, seed's or sitemap's own, with or without www.). Repeatable.")
    List<String> allowHosts = new ArrayList<>();

    @Option(names = "--allow-offsite", description = "Follow redirects and sitemap entries to any host (never to a link-local, unspecified or multicast IP address); by default one to another host ends as failed: offsite.")
    boolean allowOffsite;

    @Option(names = "--max-depth", paramLabel = "N", description = "Link hops from a start page at most (default: ${DEFAULT-VALUE}).")
    int maxDepth = LinkRules.DEFAULT.maxDepth();

    @Option(names = "--modified-since", paramLabel = "DATE", description = "Skip sitemap entries whose <lastmod> is older, e.g. 2026-11-01 or 2026-11-01T12:00:00Z.")
    String modifiedSince;

    @Option(names = "--proxy", paramLabel = "URL", description = "Send requests through this proxy: http://[user:password@]host:port (plain requests and CONNECT tunnels for https) or socks5://[user:password@]host:port. Repeatable; each session sticks to one, a new session takes the least-used healthy one, one that fails cools down. The password is never printed.")
    List<String> proxyUrls = new ArrayList<>();

    @Option(names = "--proxies", paramLabel = "FILE", description = "Proxies from a file, one URL a line (# comments); a bad line stops the crawl before it starts, as FILE:LINE: why.")
    Path proxyFile;

    @Option(names = "--ca-cert", paramLabel = "FILE", description = "Trust the certificates in FILE (PEM) for https, besides the JDK's authorities: a private CA, a test shop's self-signed certificate (trawl demo-shop --tls). Repeatable.")
    List<Path> caCerts = new ArrayList<>();

    @Option(names = "--no-cookies", description = "Send no cookies: every request stands alone. By default each target host has 4 sessions, each a cookie jar (RFC 6265) kept through redirects.")
    boolean noCookies;

    @Option(names = "--session-uses", paramLabel = "N", description = "Requests a session makes before it retires, its cookies dropped (default: ${DEFAULT-VALUE}); a block or 3 network errors in a row retire it sooner.")
    int sessionUses = SessionPolicy.DEFAULT.maxUses();

    @Option(names = "--blocked-status", paramLabel = "CODE", description = "An HTTP status that means the site blocked the request, beside 401 and 403 (which always do). Repeatable.")
    List<Integer> blockedStatuses = new ArrayList<>();

    @Option(names = "--blocked-text", paramLabel = "REGEX", description = "A regex whose match in a page's text (its first 64 KiB) means the site blocked the request. Repeatable.")
    List<String> blockedTexts = new ArrayList<>();

    @Option(names = "--blocked-css", paramLabel = "SELECTOR", description = "A CSS selector whose presence in a page means the site blocked the request. Repeatable. Blocks are retried (counted in --retries), then end as failed: blocked, the signal named; trawl knows the challenge pages of Cloudflare, DataDome, HUMAN/PerimeterX, Akamai, AWS WAF and Amazon itself.")
    List<String> blockedSelectors = new ArrayList<>();

    @Option(names = "--render", paramLabel = "WHEN", description = "Load pages in headless Chromium when plain HTTP cannot read them: never, auto (fetch first; render a product page that gave no product and looks built by scripts; a host whose renders find products is then rendered directly, one whose renders find nothing no longer), always (default: auto when Chromium is installed, else never). A render costs 100-1000 times a fetch's CPU.")
    String render;

    @Option(names = "--render-browser", paramLabel = "PATH", description = "The Chromium to render with (default: /usr/lib/chromium/chromium, Debian's package).")
    Path renderBrowser;

    @Option(names = "--render-tabs", paramLabel = "N", description = "Pages rendered at once at most (default: as many as cores, at most 4).")
    int renderTabs = RenderSettings.DEFAULT_TABS;

    @Option(names = "--render-timeout", paramLabel = "DURATION", description = "The longest a rendered page is waited for (its Product JSON-LD, or a recipe's wait_for), then its DOM is read as it is (default: ${DEFAULT-VALUE}).")
    Span renderTimeout = new Span(RenderSettings.DEFAULT_TIMEOUT);

    @Option(names = "--render-restart-after", paramLabel = "N", description = "Pages after which the browser is started afresh (default: ${DEFAULT-VALUE}).")
    int renderRestartAfter = RenderSettings.DEFAULT_RESTART_AFTER;

    @Option(names = "--render-resources", paramLabel = "WHICH", description = "blocked (default): images, fonts, media and stylesheets are refused inside the browser; all: they load.")
    String renderResources = "blocked";

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

    @Option(names = "--progress-every", paramLabel = "DURATION", description = "When standard error is not a terminal, a progress line this often (default: ${DEFAULT-VALUE}).")
    Span progressEvery = new Span(ProgressLine.DEFAULT_EVERY);

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

    @Option(names = "--store-password-file", paramLabel = "FILE", description = "A PostgreSQL store's password, on the file's "
            + "first line: keep passwords out of command lines, where ps shows them (without it: the URL's, else PGPASSWORD, "
            + "else PGPASSFILE or ~/.pgpass).")
    Path storePasswordFile;

    @Option(names = "--job", paramLabel = "NAME", description = "The recurring crawl this run belongs to, in --store (default: ${DEFAULT-VALUE}).")
    String job = CrawlBuilder.DEFAULT_JOB;

    @Option(names = "--summary-json", paramLabel = "FILE", description = "Also write the summary as JSON (for scripts and benchmarks).")
    Path summaryJson;

    /** Where the results go and what is shown, for the {@link CrawlSession}. */
    CrawlSession.Outputs outputs() {
        return new CrawlSession.Outputs(store, job, out, outcomes, report, summaryJson, metricsPort, progressEvery.value(), quiet,
                logJson, csvRaw, storePasswordFile);
    }

    /** Maps the flags to the builder; the builder validates them. */
    CrawlBuilder apply(CrawlBuilder builder) {
        List<String> tracking = new ArrayList<>(keepParams ? List.of() : CrawlBuilder.DEFAULT_TRACKING_PARAMETERS);
        tracking.addAll(dropParams);
        try {
            builder.recipes(Recipes.load(recipeFiles));
        } catch (RecipeException e) {
            throw new UserError(e.getMessage(), 2);
        }
        builder.follow(linkRules()).followOffsite(allowOffsite).obeyRobots(!ignoreRobots).modifiedSince(since()).trackingParameters(tracking)
                .detectBlocking(detectBlocking).adaptive(adaptive)
                .concurrency(concurrency).perHost(perHost, delay.value()).timeout(timeout.value()).retries(retries).transport(transport());
        builder.sessions(noCookies ? SessionPolicy.OFF : SessionPolicy.DEFAULT.withMaxUses(sessionUses));
        List<ProxyServer> proxies = proxies();
        proxies.forEach(builder::proxy);
        for (Path cert : caCerts) {
            try {
                builder.trustCertificates(cert);
            } catch (IllegalArgumentException e) {
                throw new UserError("--ca-cert " + ControlChars.escape(e.getMessage()), 2);
            }
        }
        blockedStatuses.forEach(builder::blockedStatus);
        blockedTexts.forEach(builder::blockedText);
        blockedSelectors.forEach(builder::blockedCss);
        Renderers.apply(builder, render, renderBrowser, renderSettings(), proxies);
        if (userAgent != null) {
            builder.userAgent(userAgent);
        }
        return builder;
    }

    /** The browser's settings from the flags; the browser path is Renderers' to find. */
    private RenderSettings renderSettings() {
        if (!renderResources.equals("blocked") && !renderResources.equals("all")) {
            throw new UserError("--render-resources: '" + ControlChars.escape(renderResources) + "' is not one of blocked, all", 2);
        }
        return new RenderSettings(renderBrowser, renderTabs, renderTimeout.value(), renderRestartAfter, RenderSettings.DEFAULT_MEMORY_CAP,
                renderResources.equals("blocked"), null);
    }

    private List<ProxyServer> proxies() {
        List<ProxyServer> proxies = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String url : proxyUrls) {
            try {
                proxies.add(ProxyServer.parse(url));
            } catch (IllegalArgumentException e) {
                problems.add("--proxy: " + ControlChars.escape(e.getMessage()));
            }
        }
        if (proxyFile != null) {
            try {
                ProxyFile.Read read = ProxyFile.read(proxyFile);
                proxies.addAll(read.proxies());
                problems.addAll(read.problems());
                if (read.proxies().isEmpty() && read.problems().isEmpty()) {
                    problems.add(proxyFile + ": no proxy in the file");
                }
            } catch (java.io.IOException e) {
                problems.add(proxyFile + ": cannot read: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new UserError(problems, 2);
        }
        return proxies;
    }

    private Transport.Factory transport() {
        return switch (transport) {
            case "apache" -> Transports.apache();
            case "jdk" -> Transports.jdk();
            default -> throw new UserError("--transport must be apache or jdk, was " + transport, 2);
        };
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
