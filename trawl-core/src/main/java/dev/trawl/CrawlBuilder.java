package dev.trawl;

import dev.trawl.fetch.BlockRules;
import dev.trawl.fetch.ProxyServer;
import dev.trawl.fetch.RenderMode;
import dev.trawl.fetch.RenderSettings;
import dev.trawl.fetch.Renderer;
import dev.trawl.fetch.SessionPolicy;
import dev.trawl.crawl.Crawl;
import dev.trawl.crawl.CrawlEvents;
import dev.trawl.config.CrawlConfig;
import dev.trawl.crawl.Seeds;
import dev.trawl.discover.LinkRules;
import dev.trawl.extract.Extractor;
import dev.trawl.fetch.FetchSettings;
import dev.trawl.fetch.Transport;
import dev.trawl.internal.discover.UrlCanonicalizer;
import dev.trawl.internal.engine.CrawlEngine;
import dev.trawl.internal.engine.FrontierFactory;
import dev.trawl.internal.fetch.Durations;
import dev.trawl.internal.store.StoreBackend;
import dev.trawl.internal.text.ControlChars;
import dev.trawl.internal.text.UrlPasswords;
import dev.trawl.output.ResultSink;
import dev.trawl.recipe.Recipe;
import dev.trawl.store.CrawlStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Builds and starts a crawl. Every setting has a default, written once below as a constant, that
 * suits a polite crawl of a few sites; {@link #build()} validates every setting and throws an
 * {@link InvalidSettingException} naming the one at fault.
 */
public final class CrawlBuilder {
    public static final int DEFAULT_CONCURRENCY = 64;
    public static final int DEFAULT_PER_HOST = 8;
    public static final Duration DEFAULT_DELAY = Duration.ZERO;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
    public static final String DEFAULT_USER_AGENT = "trawl/0.1 (+https://github.com/trawl-dev/trawl)";
    public static final int DEFAULT_RETRIES = 3;
    public static final Duration DEFAULT_BACKOFF = Duration.ofMillis(250);
    public static final int DEFAULT_MAX_REDIRECTS = 10;
    public static final Duration DEFAULT_MAX_CRAWL_DELAY = Duration.ofSeconds(30);
    /** Query parameters that only track the visitor: dropped when URLs are compared. */
    public static final List<String> DEFAULT_TRACKING_PARAMETERS = UrlCanonicalizer.DEFAULT_TRACKING;
    public static final String DEFAULT_JOB = "crawl";

    /** Upper bounds that keep derived sizes (buffers, look-ahead) in range. */
    public static final int MAX_CONCURRENCY = 100_000;
    public static final int MAX_RETRIES = 100;
    public static final int MAX_REDIRECTS = 100;

    private Seeds seeds;
    private int concurrency = DEFAULT_CONCURRENCY;
    private int perHost = DEFAULT_PER_HOST;
    private Duration delay = DEFAULT_DELAY;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;
    private Duration totalTimeout = DEFAULT_TIMEOUT;
    private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private String userAgent = DEFAULT_USER_AGENT;
    private int retries = DEFAULT_RETRIES;
    private SessionPolicy sessions = SessionPolicy.DEFAULT;
    private RenderMode renderMode;
    private Renderer.Factory renderer;
    private RenderSettings renderSettings;
    private final List<ProxyServer> proxies = new java.util.ArrayList<>();
    private final List<java.security.cert.X509Certificate> trusted = new ArrayList<>();
    private final java.util.Set<Integer> blockedStatuses = new java.util.LinkedHashSet<>();
    private final List<String> blockedTexts = new java.util.ArrayList<>();
    private final List<String> blockedSelectors = new java.util.ArrayList<>();
    private Duration backoff = DEFAULT_BACKOFF;
    private int maxRedirects = DEFAULT_MAX_REDIRECTS;
    private Transport.Factory transport = Transports.apache();
    private Extractor extractor = Extractors.products();
    private final List<ResultSink> sinks = new ArrayList<>();
    private Consumer<String> warnings = line -> org.slf4j.LoggerFactory.getLogger("dev.trawl").warn(line);
    private boolean obeyRobots = true;
    private Duration maxCrawlDelay = DEFAULT_MAX_CRAWL_DELAY;
    private LinkRules follow = LinkRules.DEFAULT;
    private boolean followOffsite;
    private List<String> trackingParameters = DEFAULT_TRACKING_PARAMETERS;
    private Instant modifiedSince;
    private List<Recipe> recipes = List.of();
    private boolean detectBlocking;
    private CrawlEvents events = CrawlEvents.NONE;
    private boolean adaptive;
    private int buffer = -1;
    private int lookahead = -1;
    private CrawlStore store;
    private String job = DEFAULT_JOB;

    CrawlBuilder() {}

    /** Where the URLs come from (required). */
    public CrawlBuilder seeds(Seeds seeds) {
        this.seeds = seeds;
        return this;
    }

    /** Requests in flight at most over all hosts (default {@value #DEFAULT_CONCURRENCY}, at most {@value #MAX_CONCURRENCY}). */
    public CrawlBuilder concurrency(int concurrency) {
        this.concurrency = concurrency;
        return this;
    }

    /** Requests in flight at most to one host (default {@value #DEFAULT_PER_HOST}) and the minimum delay between two starts to it (default 0). */
    public CrawlBuilder perHost(int perHost, Duration delay) {
        this.perHost = perHost;
        this.delay = delay;
        return this;
    }

    /** The whole attempt's timeout, connect to last byte (default 30 s); connect and first-byte timeouts never exceed it. */
    public CrawlBuilder timeout(Duration total) {
        this.totalTimeout = total;
        return this;
    }

    /** Time to establish a connection (default 10 s). */
    public CrawlBuilder connectTimeout(Duration connect) {
        this.connectTimeout = connect;
        return this;
    }

    /** Time to wait for the first byte, and between reads (default 30 s). */
    public CrawlBuilder responseTimeout(Duration response) {
        this.responseTimeout = response;
        return this;
    }

    /** A larger decoded body fails with {@code too_large} (default 10 MiB). */
    public CrawlBuilder maxBodyBytes(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
        return this;
    }

    /** The User-Agent header, also the token robots.txt groups are matched by (default {@link #DEFAULT_USER_AGENT}). */
    public CrawlBuilder userAgent(String userAgent) {
        this.userAgent = userAgent;
        return this;
    }

    /** Retries after the first attempt (default {@value #DEFAULT_RETRIES}). */
    public CrawlBuilder retries(int retries) {
        this.retries = retries;
        return this;
    }

    /** The first retry's backoff (default 250 ms); it doubles per retry, with jitter. */
    public CrawlBuilder backoff(Duration backoff) {
        this.backoff = backoff;
        return this;
    }

    /**
     * A status that means the site blocked the request, beside 401 and 403 (e.g. a shop that
     * answers a challenge with 202); repeatable. Such a response is retried, then ends {@code blocked}.
     */
    public CrawlBuilder blockedStatus(int status) {
        this.blockedStatuses.add(status);
        return this;
    }

    /** A regex whose match in a page's first 64 KiB of text means the site blocked the request; repeatable. */
    public CrawlBuilder blockedText(String regex) {
        this.blockedTexts.add(regex);
        return this;
    }

    /** A CSS selector whose presence in a page means the site blocked the request; repeatable. */
    public CrawlBuilder blockedCss(String selector) {
        this.blockedSelectors.add(selector);
        return this;
    }

    /**
     * How cookies and sessions are kept (default {@link SessionPolicy#DEFAULT}: on, 4 sessions per
     * host, 50 requests each); {@link SessionPolicy#OFF} sends no cookies. A session is retired
     * after a block, so its retry goes out in another.
     */
    public CrawlBuilder sessions(SessionPolicy sessions) {
        this.sessions = sessions;
        return this;
    }

    /**
     * The browser pages may be rendered in ({@code ChromiumRenderer} of the trawl-render module),
     * started when a page is first rendered, and its settings. With one, the mode is
     * {@link RenderMode#AUTO} unless {@link #render(RenderMode)} says otherwise.
     */
    public CrawlBuilder renderer(Renderer.Factory renderer, RenderSettings settings) {
        this.renderer = renderer;
        this.renderSettings = settings;
        return this;
    }

    /** When pages are rendered (default {@link RenderMode#AUTO} with a renderer, else {@link RenderMode#NEVER}). */
    public CrawlBuilder render(RenderMode mode) {
        this.renderMode = mode;
        return this;
    }

    /**
     * A proxy requests go through (repeatable): each session sticks to one, a new session takes the
     * least-used healthy one, and one that fails cools down. Politeness stays per target host over all
     * of them. Works with trawl's own transport.
     */
    public CrawlBuilder proxy(ProxyServer proxy) {
        this.proxies.add(java.util.Objects.requireNonNull(proxy, "proxy"));
        return this;
    }

    /**
     * Trusts the certificates in {@code file} (PEM) for https, besides the JDK's authorities: a
     * private CA, a test shop's self-signed certificate. Repeatable.
     *
     * @throws IllegalArgumentException naming the file when it holds no certificate
     */
    public CrawlBuilder trustCertificates(java.nio.file.Path file) {
        this.trusted.addAll(dev.trawl.fetch.TrustedCertificates.read(file));
        return this;
    }

    /** Redirect hops followed per URL (default {@value #DEFAULT_MAX_REDIRECTS}). */
    public CrawlBuilder maxRedirects(int maxRedirects) {
        this.maxRedirects = maxRedirects;
        return this;
    }

    /**
     * How the crawl's HTTP client is made (default {@link Transports#apache()}), from the
     * settings built here (timeouts, size cap, user agent, pool sizes); the crawl closes it when it ends.
     */
    public CrawlBuilder transport(Transport.Factory transport) {
        this.transport = transport;
        return this;
    }

    /**
     * A transport the crawl uses as it is: a rendering one, or one through proxies. It enforces its
     * own settings, not this builder's timeouts; the crawl closes it when it ends.
     */
    public CrawlBuilder transport(Transport transport) {
        this.transport = transport == null ? null : settings -> transport;
        return this;
    }

    /** What to read from each page (default: {@link Extractors#products()}: JSON-LD, then microdata, then OpenGraph); null for nothing. */
    public CrawlBuilder extract(Extractor extractor) {
        this.extractor = extractor;
        return this;
    }

    /** Receives every URL's result on the writer thread; repeatable. */
    public CrawlBuilder sink(ResultSink sink) {
        this.sinks.add(sink);
        return this;
    }

    /** Where messages about bad input go, one line each (default: the SLF4J logger {@code dev.trawl}, at WARN). */
    public CrawlBuilder warnings(Consumer<String> warnings) {
        this.warnings = warnings;
        return this;
    }

    /**
     * Whether each host's robots.txt is fetched first and obeyed (default true): disallowed URLs
     * end as {@code failed: robots} without a request, and a Crawl-delay raises the host's delay.
     */
    public CrawlBuilder obeyRobots(boolean obey) {
        this.obeyRobots = obey;
        return this;
    }

    /** The largest robots.txt Crawl-delay obeyed (default 30 s); a larger one is cut to this. */
    public CrawlBuilder maxCrawlDelay(Duration max) {
        this.maxCrawlDelay = max;
        return this;
    }

    /**
     * Whether redirects and sitemap entries may lead to any host (default false). By default a
     * redirect is followed only to the host its request started from — that host with or without
     * a leading {@code www.} too, and whatever the scheme or port — or to one of
     * {@link LinkRules#allowedHosts()} ({@link #follow(LinkRules)}); a sitemap's entries, and a
     * robots.txt's {@code Sitemap:} lines, likewise only to the sitemap's (the site's) host or
     * those. A redirect refused ends its URL as {@link dev.trawl.crawl.FailureReason#OFFSITE
     * offsite}, never requested; sitemap entries refused are skipped, with one warning line per
     * sitemap that counts them and names the first. With {@code true}, every host is allowed
     * except an IP literal that is link-local (169.254.169.254, a cloud's metadata service),
     * unspecified (0.0.0.0) or multicast, in any spelling a resolver accepts
     * ({@code 2852039166}, {@code [::ffff:169.254.169.254]}); host names are not resolved for this.
     */
    public CrawlBuilder followOffsite(boolean follow) {
        this.followOffsite = follow;
        return this;
    }

    /** Which links are followed from start pages (default {@link LinkRules#DEFAULT}). */
    public CrawlBuilder follow(LinkRules rules) {
        this.follow = rules;
        return this;
    }

    /** Query parameters dropped when URLs are compared (default {@link #DEFAULT_TRACKING_PARAMETERS}; {@code *} ends a prefix). */
    public CrawlBuilder trackingParameters(List<String> names) {
        this.trackingParameters = names;
        return this;
    }

    /**
     * Site recipes (default none; {@link Recipes#load} reads them from files): pages a recipe
     * matches are read by it, the fields it lacks filled from the page's structured data; its
     * {@code follow} selectors pick the links followed. What a recipe missed is in the summary.
     */
    public CrawlBuilder recipes(List<Recipe> recipes) {
        this.recipes = recipes;
        return this;
    }

    /**
     * Finds each host's concurrency instead of always using the per-host cap (default off), as
     * TCP finds a link's rate: from 2 it doubles while responses come back well, then grows by one
     * a round; it halves on 429, 503, timeouts or latency rising well above the host's best;
     * never above {@link #perHost}. A Retry-After still pauses the host exactly that long.
     */
    public CrawlBuilder adaptive(boolean adaptive) {
        this.adaptive = adaptive;
        return this;
    }

    /**
     * Watches for code that holds the carrier threads every request shares — a native call, a
     * class initialiser that waits, CPU-heavy work — and names it once in a warning (default off).
     */
    public CrawlBuilder detectBlocking(boolean detect) {
        this.detectBlocking = detect;
        return this;
    }

    /** Hears each request as it is sent, with trawl's own clock (default: nothing hears them). */
    public CrawlBuilder events(CrawlEvents events) {
        this.events = events;
        return this;
    }

    /** Skips sitemap entries whose {@code <lastmod>} is before this instant (default: none skipped). */
    public CrawlBuilder modifiedSince(Instant since) {
        this.modifiedSince = since;
        return this;
    }

    /** Requests held in memory ahead of the scheduler (default: 4 × concurrency, at least 256). */
    public CrawlBuilder buffer(int buffer) {
        this.buffer = buffer;
        return this;
    }

    /**
     * How many requests the engine may hold when all it holds wait on busy hosts (default: 64 ×
     * buffer). Bounds memory while letting a list sorted by site still use every site's slots.
     */
    public CrawlBuilder lookahead(int lookahead) {
        this.lookahead = lookahead;
        return this;
    }

    /**
     * Keeps the crawl in a store (default none: the frontier in memory, results to the sinks only):
     * {@link Stores#sqlite}, or PostgreSQL from {@code trawl-postgres}.
     * Every URL, outcome and product is then committed there by one writer thread, a page's
     * products with its outcome; a crawl stopped or killed at any moment is resumed by the next
     * crawl of the same {@link #job} on the store, and the sinks get each result once it is
     * committed. The crawl does not close the store.
     */
    public CrawlBuilder store(CrawlStore store) {
        this.store = store;
        return this;
    }

    /**
     * The name of the recurring crawl this one belongs to (default {@value #DEFAULT_JOB}): the store's
     * unfinished run of the job is resumed, else a new run starts, whose pages are requested with
     * the validators the last finished run saw (a 304 keeps that run's products).
     */
    public CrawlBuilder job(String job) {
        this.job = job;
        return this;
    }

    /** Validates every setting and returns the crawl's configuration. */
    public CrawlConfig build() {
        require("seeds", seeds != null, "must be set", null);
        range("concurrency", concurrency, 1, MAX_CONCURRENCY);
        range("perHost", perHost, 1, MAX_CONCURRENCY);
        require("delay", delay != null && !delay.isNegative(), "must be a duration of 0 or more", delay);
        positive("timeout", totalTimeout);
        positive("connectTimeout", connectTimeout);
        positive("responseTimeout", responseTimeout);
        require("maxBodyBytes", maxBodyBytes >= 1 && maxBodyBytes <= FetchSettings.MAX_BODY_CAP,
                "must be between 1 and " + FetchSettings.MAX_BODY_CAP, maxBodyBytes);
        require("userAgent", userAgent != null && !userAgent.isBlank() && userAgent.chars().allMatch(c -> c >= 0x20 && c < 0x7F),
                "must be printable ASCII text", userAgent);
        range("retries", retries, 0, MAX_RETRIES);
        positive("backoff", backoff);
        range("maxRedirects", maxRedirects, 0, MAX_REDIRECTS);
        BlockRules blocked = blockRules();
        require("sessions", sessions != null, "must be set", null);
        require("proxies", proxies.isEmpty() || transport == Transports.apache(),
                "go through trawl's own transport, Apache HttpClient (Transports.apache())", "another transport");
        range("sessionUses", sessions.maxUses(), 1, Integer.MAX_VALUE);
        range("sessionsPerHost", sessions.perHost(), 1, MAX_CONCURRENCY);
        range("sessionErrors", sessions.maxErrors(), 1, Integer.MAX_VALUE);
        require("transport", transport != null, "must be set", null);
        RenderMode mode = renderMode != null ? renderMode : renderer != null ? RenderMode.AUTO : RenderMode.NEVER;
        require("render", mode == RenderMode.NEVER || renderer != null && renderSettings != null,
                "needs a renderer (CrawlBuilder.renderer) to be " + mode.name().toLowerCase(java.util.Locale.ROOT), mode);
        require("render", mode == RenderMode.NEVER || proxies.stream().allMatch(ProxyServer::browserCanUse),
                "cannot go through a SOCKS5 proxy with a password (Chromium takes none): render never with such proxies", mode);
        if (renderSettings != null) {
            range("renderTabs", renderSettings.tabs(), 1, 64);
            positive("renderTimeout", renderSettings.timeout());
            range("renderRestartAfter", renderSettings.restartAfter(), 1, Integer.MAX_VALUE);
        }
        CrawlConfig.Render render = new CrawlConfig.Render(mode, renderer, renderSettings == null ? null
                : renderSettings.userAgent() != null ? renderSettings : renderSettings.withUserAgent(userAgent));
        require("maxCrawlDelay", maxCrawlDelay != null && !maxCrawlDelay.isNegative(), "must be a duration of 0 or more", maxCrawlDelay);
        require("follow", follow != null, "must be set", null);
        require("trackingParameters", trackingParameters != null && trackingParameters.stream().allMatch(Objects::nonNull)
                && trackingParameters.stream().noneMatch(String::isBlank), "must be a list of names", trackingParameters);
        require("recipes", recipes != null && recipes.stream().allMatch(Objects::nonNull), "must be a list of recipes", recipes);
        require("warnings", warnings != null, "must be set", null);
        require("events", events != null, "must be set", null);
        require("store", store == null || store instanceof StoreBackend,
                "must be a store trawl opened (Stores.sqlite, PostgresCrawlStore.open)", store);
        require("job", job != null && !job.isBlank(), "must be a name", job);
        int b = buffer == -1 ? Math.max(256, 4 * concurrency) : buffer;
        range("buffer", b, 1, 64 * MAX_CONCURRENCY);
        int l = lookahead == -1 ? 64 * b : lookahead;
        range("lookahead", l, b, Integer.MAX_VALUE);
        // Each session keeps connections of its own; the pool must hold the idle ones of every session of a host, or it
        // closes one session's to open another's. In-flight requests stay bounded by the scheduler, not the pool.
        int pooled = sessions.cookies() || !proxies.isEmpty() ? Math.min(sessions.perHost(), 16) : 1;
        FetchSettings settings = new FetchSettings(min(connectTimeout, totalTimeout), min(responseTimeout, totalTimeout),
                totalTimeout, maxBodyBytes, userAgent, (int) Math.min(MAX_CONCURRENCY, (long) concurrency * pooled),
                (int) Math.min(MAX_CONCURRENCY, (long) perHost * pooled), trusted);
        return new CrawlConfig(seeds,
                new CrawlConfig.Fetch(settings, retries, backoff, maxRedirects, transport, blocked, sessions, proxies, render),
                new CrawlConfig.Politeness(concurrency, perHost, delay, obeyRobots, maxCrawlDelay, adaptive),
                new CrawlConfig.Discovery(follow, trackingParameters, modifiedSince, b, l, followOffsite),
                new CrawlConfig.Output(extractor, recipes, sinks, store, job, withoutPasswords(warnings), detectBlocking, events));
    }

    /** The warnings as given, with no password of a URL in them ({@link UrlPasswords}). */
    private static Consumer<String> withoutPasswords(Consumer<String> warnings) {
        return line -> warnings.accept(UrlPasswords.hidden(line));
    }

    private BlockRules blockRules() {
        for (int status : blockedStatuses) {
            range("blockedStatus", status, 100, 599);
        }
        List<java.util.regex.Pattern> texts = new java.util.ArrayList<>();
        for (String regex : blockedTexts) {
            try {
                texts.add(java.util.regex.Pattern.compile(regex));
            } catch (java.util.regex.PatternSyntaxException | NullPointerException e) {
                require("blockedText", false, "must be a regular expression (" + (e instanceof java.util.regex.PatternSyntaxException p
                        ? p.getDescription() : "none given") + ")", regex);
            }
        }
        for (String css : blockedSelectors) {
            try {
                LinkRules.checkSelector(css);
            } catch (IllegalArgumentException | NullPointerException e) {
                require("blockedCss", false, "must be a CSS selector (" + e.getMessage() + ")", css);
            }
        }
        return new BlockRules(blockedStatuses, texts, blockedSelectors);
    }

    /** Validates, starts the crawl on its own threads and returns at once. */
    public Crawl start() {
        CrawlConfig config = build();
        return CrawlEngine.start(config, config.output().store() instanceof StoreBackend store
                ? FrontierFactory.store(store) : FrontierFactory.inMemory());
    }

    private static void require(String setting, boolean ok, String problem, Object value) {
        if (!ok) {
            String shown = value instanceof Duration d ? (d.isNegative() ? "-" + Durations.format(d.negated()) : Durations.format(d))
                    : String.valueOf(value);
            throw new InvalidSettingException(setting, problem + (value == null && problem.equals("must be set") ? "" : ", was " + ControlChars.shown(shown)));
        }
    }

    private static void range(String setting, long value, long min, long max) {
        require(setting, value >= min && value <= max,
                max == Integer.MAX_VALUE ? "must be at least " + min : "must be between " + min + " and " + max, value);
    }

    private static void positive(String setting, Duration d) {
        require(setting, d != null && !d.isNegative() && !d.isZero(), "must be a positive duration", d);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
