package dev.trawl.internal.engine;

import dev.trawl.crawl.Crawl;
import dev.trawl.config.CrawlConfig;
import dev.trawl.crawl.CrawlCounts;
import dev.trawl.fetch.SessionPolicy;
import dev.trawl.internal.proxy.ProxiedTransport;
import dev.trawl.internal.proxy.ProxyPool;
import dev.trawl.internal.session.SessionPool;
import dev.trawl.crawl.CrawlProgress;
import dev.trawl.crawl.CrawlSummary;
import dev.trawl.crawl.FailureReason;
import dev.trawl.extract.Page;
import dev.trawl.fetch.FetchResult;
import dev.trawl.fetch.RequestSession;
import dev.trawl.fetch.Transport;
import dev.trawl.internal.discover.SitemapReader;
import dev.trawl.internal.extract.JsonLdProductExtractor;
import dev.trawl.internal.extract.ProductPipeline;
import dev.trawl.internal.frontier.CrawlRequest;
import dev.trawl.internal.frontier.Frontier;
import dev.trawl.internal.frontier.RequestKind;
import dev.trawl.internal.politeness.HostScheduler;
import dev.trawl.internal.politeness.RobotsRules;
import dev.trawl.internal.runtime.Ticks;
import dev.trawl.internal.runtime.TrawlThreads;
import dev.trawl.internal.stats.BlockingDetector;
import dev.trawl.internal.stats.CrawlStats;
import dev.trawl.internal.writer.ResultLog;
import dev.trawl.store.Run;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The engine of one crawl (DESIGN.md, data flow): a dispatcher thread moves requests from the
 * {@link Frontier} (step 1) through the {@link RobotsGate} to the {@link HostScheduler} (2) and
 * starts each request the scheduler lets go on a virtual thread of its own; that thread fetches
 * with the {@link Transport} (4), decides what the attempt means ({@link RequestStep}, 5), reads
 * what the response yields ({@link ResponseProcessor}, 6) and hands the terminal result to the
 * crawl's {@link ResultLog} (7); {@link CrawlStats} counts all along (8). Before it fetches, the
 * request takes its session from the {@link SessionPool} (3: a cookie jar and a proxy, kept through
 * its redirects), and gives back what came of it, a block judged by the {@link BlockDetector}. The
 * frontier and the writer come from a {@link FrontierFactory}. Internal: use {@link dev.trawl.Trawl#crawl()}.
 */
public final class CrawlEngine implements Crawl {
    /** A JSON-LD page (Jackson) and a microdata page (jsoup's DOM): the extractor's two paths. */
    private static final List<Page> WARM_UP_PAGES = List.of(
            warmUpPage("<script type=\"application/ld+json\">{\"@type\":\"Product\",\"offers\":{\"price\":\"1.00\"}}</script>"),
            warmUpPage("<div itemscope itemtype=\"https://schema.org/Product\"><span itemprop=\"name\">n</span>"
                    + "<div itemprop=\"offers\" itemscope itemtype=\"https://schema.org/Offer\"><meta itemprop=\"price\" content=\"1.00\">"
                    + "<meta itemprop=\"priceCurrency\" content=\"EUR\"></div></div>"));

    /** How long a stop waits for the requests in flight, once the transport is closed under them. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final CrawlConfig config;
    private final CrawlSetup setup;
    private final CrawlStats stats = new CrawlStats();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final HostScheduler scheduler;
    private final Transport transport;
    private final ResultLog writer;
    private final Frontier frontier;
    private final RequestStep step;
    private final BlockDetector blocks;
    /** Null when sessions are off, or the transport cannot keep them. */
    private final SessionPool sessions;
    /** Null without proxies. */
    private final ProxyPool proxies;
    private final Run run;
    private final RobotsGate robots;
    private final ResponseProcessor processor;
    private final RenderStep render;
    private final BlockingDetector blocking;
    private final Set<Thread> requests = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<CrawlSummary> summary = new CompletableFuture<>();
    private final Thread dispatcher;
    private final long startTicks = Ticks.now();
    private final long startCpu = processCpuNanos();
    private volatile boolean stopping;
    /** Pages fetched and still being processed (guarded by {@code lock}). */
    private int processing;

    /** Opens the frontier and its writer, then starts the crawl on its own threads. */
    public static Crawl start(CrawlConfig config, FrontierFactory frontiers) {
        return new CrawlEngine(CrawlSetup.of(config), frontiers);
    }

    private CrawlEngine(CrawlSetup setup, FrontierFactory frontiers) {
        this.setup = setup;
        this.config = setup.config();
        CrawlConfig.Politeness politeness = config.politeness();
        this.scheduler = new HostScheduler(politeness.concurrency(), politeness.perHost(), politeness.delay(), politeness.adaptive());
        FrontierFactory.Opened opened = frontiers.open(new FrontierFactory.Context(setup, stats, this::wake, this::stopSoon));
        this.frontier = opened.frontier();
        this.writer = opened.log();
        this.run = opened.run();
        try {
            this.transport = config.fetch().proxies().isEmpty() ? config.fetch().transport().create(config.fetch().settings())
                    : new ProxiedTransport(config.fetch().settings(), config.fetch().proxies());
        } catch (RuntimeException e) {
            frontier.close();
            writer.close(false);
            throw e;
        }
        this.step = new RequestStep(config.fetch().maxRedirects(), setup.retry(), setup.destinations(), stats);
        this.blocks = new BlockDetector(config.fetch().blocked(), setup.recipes());
        this.proxies = config.fetch().proxies().isEmpty() ? null : new ProxyPool(config.fetch().proxies());
        this.sessions = sessions(config.fetch().sessions(), transport, proxies, config.output().warnings());
        this.robots = new RobotsGate(scheduler, politeness.obeyRobots(), politeness.maxCrawlDelay());
        this.render = new RenderStep(config.fetch().render(), setup.recipes());
        this.processor = new ResponseProcessor(setup, stats, frontier, writer, this::robotsLearned, render);
        this.blocking = config.output().detectBlocking()
                ? BlockingDetector.start(Duration.ofMillis(20), Duration.ofMillis(500), config.output().warnings()) : null;
        this.dispatcher = TrawlThreads.startPlatform("dispatcher", this::dispatch);
        var own = config.output().extractor();
        boolean ownExtractor = own instanceof ProductPipeline || own instanceof JsonLdProductExtractor;
        // Loads Jackson and the sitemap parser while the first requests are on the wire, not after.
        // Only our own extractor: a user's must never be handed a page that was not fetched.
        TrawlThreads.startVirtual("warm-up", () -> {
            SitemapReader.warmUp();
            if (ownExtractor) {
                WARM_UP_PAGES.forEach(own::extract);
            }
        });
    }

    private static Page warmUpPage(String html) {
        return new Page(URI.create("http://warm-up.invalid/"), 200, "text/html", html.getBytes(StandardCharsets.UTF_8));
    }

    private void dispatch() {
        boolean finished = false;
        RuntimeException failure = null;
        try {
            finished = dispatchUntilDone();
        } catch (RuntimeException e) {
            failure = e; // a bug: stop the crawl cleanly and let await() say so
        } catch (VirtualMachineError e) {
            config.output().warnings().accept("the crawl's dispatcher: " + e + "; the crawl stops"); // it ends as stopped early
        } finally {
            end(!finished, failure);
        }
    }

    /** Returns true when every URL has its outcome, false when stopped early. */
    private boolean dispatchUntilDone() {
        lock.lock();
        try {
            while (!stopping) {
                long now = Ticks.now();
                fill(config.discovery().buffer());
                startReady(now);
                // Head-of-line: when the queued requests all wait on busy hosts while the global cap
                // has room, read further ahead, up to the bounded look-ahead, for other hosts' work.
                while (scheduler.inFlight() < config.politeness().concurrency() && processing < config.politeness().concurrency()
                        && scheduler.pending() < config.discovery().lookahead() && fill(scheduler.pending() + 1)) {
                    startReady(now);
                }
                if (scheduler.inFlight() == 0 && processing == 0 && scheduler.pending() == 0 && frontier.exhausted()) {
                    return true;
                }
                // Full of pages being processed: only a finished one can let the next request start.
                long ready = processing >= config.politeness().concurrency() ? Long.MAX_VALUE : scheduler.earliestReady();
                if (ready == Long.MAX_VALUE) {
                    changed.await();
                } else {
                    changed.awaitNanos(ready - now);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
        return false;
    }

    /**
     * Moves requests from the frontier through the robots gate to the scheduler until
     * {@code limit} are pending; false if the frontier had none. Requests the gate refuses or
     * releases as sites are handled here, under the lock: neither fetches anything.
     */
    private boolean fill(int limit) {
        boolean any = false;
        RobotsGate.Released released = new RobotsGate.Released();
        while (scheduler.pending() < limit) {
            CrawlRequest r = frontier.poll();
            if (r == null) {
                break;
            }
            robots.admit(r, released);
            any = true;
        }
        release(released);
        return any;
    }

    /** A host's robots.txt rules are known (called on its request's thread). */
    private void robotsLearned(String host, RobotsRules rules) {
        RobotsGate.Released released = new RobotsGate.Released();
        lock.lock();
        try {
            robots.learned(host, rules, released);
            changed.signal();
        } finally {
            lock.unlock();
        }
        release(released);
    }

    /** Ends refused requests (robots.txt disallows them) and puts sites' sitemaps in the frontier. */
    private void release(RobotsGate.Released released) {
        for (RobotsGate.Ruled r : released.refused()) {
            processor.refuse(r.request(), r.rules());
        }
        for (RobotsGate.Ruled site : released.sites()) {
            processor.expandSite(site.request(), site.rules());
        }
    }

    private void startReady(long now) {
        while (processing < config.politeness().concurrency()) {
            CrawlRequest r = scheduler.next(now);
            if (r == null) {
                return;
            }
            launch(r);
        }
    }

    /**
     * Starts one request on its own virtual thread. Its slot is freed as soon as the response is
     * in, so the next request to the host need not wait for extraction; pages being processed
     * are bounded separately (at most {@code concurrency} of them) so memory stays bounded.
     */
    private void launch(CrawlRequest request) {
        Thread t = TrawlThreads.virtual().newThread(() -> {
            try {
                CrawlRequest sent = render.beforeSending(request);
                SessionPool.Assigned assigned = sessions == null ? new SessionPool.Assigned(sent, null) : sessions.assignForSending(sent);
                CrawlRequest attempt = assigned.request();
                FetchResult fetched = fetch(attempt, assigned.session());
                long retryAfter = step.retryAfter(fetched);
                String blocked = blocks.signal(attempt, fetched);
                if (sessions != null) {
                    sessions.after(attempt, fetched, blocked != null);
                }
                lock.lock();
                try {
                    scheduler.finished(request.host());
                    feedback(request.host(), fetched, blocked != null);
                    if (retryAfter > 0) {
                        scheduler.pause(request.host(), retryAfter);
                    }
                    processing++;
                    changed.signal();
                } finally {
                    lock.unlock();
                }
                CrawlRequest next = step.decide(attempt, fetched, blocked, retryAfter, () -> stopping, processor::ended);
                RobotsGate.Released released = new RobotsGate.Released();
                lock.lock();
                try {
                    processing--;
                    if (next != null) {
                        if (next.redirects() == request.redirects()) {
                            frontier.retrying(next);
                        }
                        robots.admit(next, released); // a redirect may lead to another host, with rules of its own
                    }
                    changed.signal();
                } finally {
                    lock.unlock();
                }
                release(released);
            } catch (Throwable e) {
                failed(request, e);
            } finally {
                requests.remove(Thread.currentThread());
            }
        });
        requests.add(t);
        t.start();
    }

    /**
     * A request's thread met an error it cannot recover from (out of memory, a bug): the crawl
     * must not idle waiting for an outcome that will never come, so it stops, says why in one
     * line, and ends as stopped early (a store keeps the URL pending).
     */
    private void failed(CrawlRequest request, Throwable e) {
        stopping = true;
        String why = e instanceof OutOfMemoryError ? "out of memory (" + e.getMessage() + "): give the JVM more heap (TRAWL_JAVA_OPTS=-Xmx2g for ./trawl)"
                : "internal error: " + e;
        try {
            config.output().warnings().accept(request.url() + ": " + why + "; the crawl stops");
        } finally {
            wake();
        }
    }

    private static SessionPool sessions(SessionPolicy policy, Transport transport, ProxyPool proxies,
                                        java.util.function.Consumer<String> warnings) {
        if (proxies != null) {
            return new SessionPool(policy, proxies, warnings); // each session sticks to its proxy, with cookies or without
        }
        if (!policy.cookies()) {
            return null;
        }
        if (!transport.sendsCookies()) {
            if (!policy.equals(SessionPolicy.DEFAULT)) {
                warnings.accept("the transport " + transport.getClass().getSimpleName() + " sends no cookies: sessions are off");
            }
            return null;
        }
        return new SessionPool(policy, null, warnings);
    }

    /** Tells the host's adaptive concurrency how the attempt went (under the lock): a block counts as an overload. */
    private void feedback(String host, FetchResult fetched, boolean blocked) {
        if (blocked) {
            scheduler.overloaded(host, Ticks.now());
            return;
        }
        switch (fetched) {
            case FetchResult.Response r when r.status() == 429 || r.status() == 503 -> scheduler.overloaded(host, Ticks.now());
            case FetchResult.Response r -> scheduler.succeeded(host, r.elapsedNanos(), Ticks.now());
            case FetchResult.Error e when e.reason() == FailureReason.TIMEOUT -> scheduler.overloaded(host, Ticks.now());
            case FetchResult.Error e -> { }
        }
    }

    private FetchResult fetch(CrawlRequest request, RequestSession session) {
        long sent;
        lock.lock();
        try {
            sent = Ticks.now();
            scheduler.sending(request.host(), sent);
        } finally {
            lock.unlock();
        }
        config.output().events().requestSent(request.url(), request.host(), Ticks.toNanoTime(sent));
        try {
            long max = config.fetch().settings().maxBodyBytes();
            long cap = request.kind() == RequestKind.SITEMAP ? Math.max(SitemapReader.MAX_BYTES, max) : max;
            if (request.render()) {
                return render.render(request, session);
            }
            return transport.fetch(request.url(), cap, request.validators(), session);
        } catch (RuntimeException e) {
            return new FetchResult.Error(FailureReason.IO_ERROR, "transport failed: " + e, 0);
        }
    }

    /** Stops the crawl from a thread that must not wait (the store writer, when the store fails). */
    private void stopSoon() {
        stopping = true;
        TrawlThreads.startVirtual("wake", this::wake);
    }

    private void wake() {
        lock.lock();
        try {
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the requests in flight (cut short by closing the transport when stopping), then drains the writer. */
    private void end(boolean early, RuntimeException failure) {
        if (early) {
            transport.close();
        }
        // Stopping, a request still running user code (an extractor that never returns) must not hold the stop: bounded wait.
        long deadline = early ? Ticks.now() + STOP_GRACE.toNanos() : Long.MAX_VALUE;
        int abandoned = 0;
        for (Thread t : List.copyOf(requests)) {
            try {
                if (early) {
                    if (!t.join(Duration.ofNanos(Math.max(1, deadline - Ticks.now())))) {
                        abandoned++;
                    }
                } else {
                    t.join();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (abandoned > 0) {
            config.output().warnings().accept(abandoned + " request(s) did not stop within " + STOP_GRACE.toSeconds()
                    + " s (code on them still runs); the crawl ends without their results");
        }
        frontier.close();
        writer.close(!early && failure == null);
        Duration elapsed = Duration.ofNanos(Ticks.now() - startTicks); // the last outcome is written
        Duration cpu = Duration.ofNanos(processCpuNanos() - startCpu);
        if (blocking != null) {
            blocking.close();
        }
        if (!early) {
            transport.close();
        }
        render.close();
        if (failure != null) {
            summary.completeExceptionally(failure);
        } else {
            summary.complete(new CrawlSummary(stats.snapshot(), elapsed, cpu, early, run, setup.recipes().report(),
                    java.util.stream.Stream.concat(frontier.seedsLost().stream(), writer.incomplete().stream()).toList(),
                    proxies == null ? List.of() : proxies.counts(), render.counts()));
        }
    }

    @Override
    public CrawlSummary await() throws InterruptedException {
        try {
            return summary.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("crawl engine failed", e.getCause());
        }
    }

    @Override
    public CrawlProgress progress() {
        int inFlight;
        long queued;
        int waiting;
        lock.lock();
        try {
            inFlight = scheduler.inFlight();
            queued = scheduler.pending() + frontier.queued();
            waiting = scheduler.retriesWaiting();
        } finally {
            lock.unlock();
        }
        CrawlCounts counts = stats.snapshot();
        // A store's frontier holds a page of its requests in memory; the store's count says how many wait behind it.
        long taken = frontier.taken();
        if (taken >= 0) {
            queued = Math.max(queued, taken - counts.finished() - inFlight);
        }
        return new CrawlProgress(counts, inFlight, queued, waiting, Duration.ofNanos(Ticks.now() - startTicks),
                proxies == null ? List.of() : proxies.counts());
    }

    @Override
    public void close() {
        if (!summary.isDone()) {
            stopping = true;
            wake();
        }
        try {
            dispatcher.join();
            summary.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}
