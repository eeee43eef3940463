package dev.trawl.render.internal;

import dev.trawl.crawl.FailureReason;
import dev.trawl.fetch.FetchResult;
import dev.trawl.fetch.ProxyServer;
import dev.trawl.fetch.RenderSettings;
import dev.trawl.fetch.RequestSession;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The renderer's machinery: a browser started lazily and again when it must be, tabs kept per
 * host (or per session on a host, each in the session's browser context), and a fair semaphore of {@code tabs} permits that request virtual threads wait on.
 *
 * <p>Threads: {@link #render} runs on the caller's (virtual) thread and only does DevTools calls
 * over the socket, parking while it waits. Process and file work (starting and killing browsers,
 * sampling {@code /proc}) is the {@link BrowserKeeper}'s, on the renderer's platform thread.
 */
public final class RenderPool {

    private static final Duration START_TIMEOUT = BrowserKeeper.START_TIMEOUT;
    /** Pages after which a tab is closed and its host gets a fresh one. */
    static final int TAB_PAGES = 100;
    /** An idle tab of a session not seen again for this long is closed (its context, cookies and proxy with it). */
    static final long SESSION_IDLE_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final RenderSettings settings;
    private final Semaphore permits;
    private final ReentrantLock lock = new ReentrantLock();
    private final BrowserKeeper keeper;

    // guarded by lock
    private Browser current;
    private final Set<Browser> live = new LinkedHashSet<>();
    private boolean closed;

    public RenderPool(RenderSettings settings) {
        this.settings = settings;
        this.permits = new Semaphore(settings.tabs(), true);
        this.keeper = new BrowserKeeper(settings.browser(), settings.memoryCapBytes(), this::liveBrowsers, this::overCap, this::gone);
    }

    /** Renders in {@code session}'s tab (null: the host's shared tab, and no cookies given or taken). */
    public FetchResult render(URI url, String waitFor, RequestSession session) {
        long called = System.nanoTime();
        String origin = origin(url);
        if (origin == null) {
            return new FetchResult.Error(FailureReason.INVALID_URL, "not an http(s) URL: " + url, 0);
        }
        ProxyServer proxy = session == null ? null : session.proxy();
        if (proxy != null && proxy.scheme().equals("socks5") && proxy.user() != null) {
            return new FetchResult.Error(FailureReason.PROXY, "the browser cannot use a SOCKS5 proxy with a password", 0);
        }
        TabKey host = new TabKey(origin, session == null ? null : session.id(), proxy);
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FetchResult.Error(FailureReason.CANCELLED, "interrupted waiting for a browser tab", System.nanoTime() - called);
        }
        try {
            FetchResult result = null;
            for (int attempt = 0; attempt < 2; attempt++) { // the page in hand is retried once, on a fresh tab or browser
                Browser browser = lease();
                if (browser == null) {
                    return new FetchResult.Error(FailureReason.CANCELLED, "the renderer is closed", System.nanoTime() - called);
                }
                Attempt tried;
                try {
                    tried = renderOn(browser, url, host, waitFor, session);
                } finally {
                    release(browser);
                }
                result = tried.result();
                if (!tried.retry()) {
                    break;
                }
            }
            return result;
        } finally {
            permits.release();
        }
    }

    private record Attempt(FetchResult result, boolean retry) {}

    private Attempt renderOn(Browser browser, URI url, TabKey host, String waitFor, RequestSession session) {
        long start = System.nanoTime();
        try {
            browser.ready.get(START_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            browser.dead = true;
            String why = e instanceof ExecutionException ? e.getCause().getMessage() : "not started within " + START_TIMEOUT.toSeconds() + " s";
            return new Attempt(new FetchResult.Error(FailureReason.IO_ERROR, "no browser: " + why, System.nanoTime() - start), false);
        } catch (InterruptedException e) {
            return cancelled(start);
        }
        start = System.nanoTime(); // the render timeout counts from here, tab opening included
        long deadline = start + settings.timeout().toNanos();
        Tab tab = null;
        boolean keep = false;
        try {
            tab = takeTab(browser, host, deadline);
            Tab.Rendered rendered = tab.render(url, waitFor, session, start, deadline);
            keep = rendered.reusable() && tab.pages() < TAB_PAGES;
            return new Attempt(rendered.result(), false);
        } catch (CdpException e) {
            if (e.connectionLost()) {
                browser.dead = true;
            }
            if (isClosed()) {
                return cancelled(start);
            }
            return new Attempt(new FetchResult.Error(e.connectionLost() ? FailureReason.RESET : FailureReason.IO_ERROR,
                    "the browser failed rendering " + url + ": " + e.getMessage(), System.nanoTime() - start), true);
        } catch (TimeoutException e) {
            return new Attempt(new FetchResult.Error(FailureReason.TIMEOUT,
                    "no browser tab for " + url + " within the render timeout: " + e.getMessage(), System.nanoTime() - start), true);
        } catch (InterruptedException e) {
            return cancelled(start);
        } finally {
            giveBack(browser, tab, keep);
        }
    }

    private static Attempt cancelled(long start) {
        Thread.currentThread().interrupt();
        return new Attempt(new FetchResult.Error(FailureReason.CANCELLED, "interrupted while rendering", System.nanoTime() - start), false);
    }

    /** The browser for the next page: the current one, or a new one started when it is retiring, dead or absent. */
    private Browser lease() {
        lock.lock();
        try {
            if (closed) {
                return null;
            }
            Browser browser = current;
            if (browser == null || browser.retiring || browser.dead) {
                if (browser != null) {
                    browser.retiring = true;
                    killWhenIdle(browser);
                }
                browser = new Browser();
                current = browser;
                live.add(browser);
                keeper.start(browser);
            }
            browser.assigned++;
            browser.inFlight++;
            if (browser.assigned >= settings.restartAfter()) {
                browser.retiring = true; // this page still runs on it; the next one starts another
            }
            return browser;
        } finally {
            lock.unlock();
        }
    }

    private void release(Browser browser) {
        lock.lock();
        try {
            browser.inFlight--;
            if (browser.dead || browser.retiring) {
                browser.retiring = true;
                killWhenIdle(browser);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: kills a retiring browser once its last page is done. */
    private void killWhenIdle(Browser browser) {
        if (browser.inFlight > 0 || browser.killed) {
            return;
        }
        browser.killed = true;
        if (current == browser) {
            current = null;
        }
        keeper.kill(browser);
    }

    /**
     * An idle tab kept for the key, or a new one; room for it is made by closing another key's idle
     * tab, the least recently used. Idle tabs of sessions not seen for {@link #SESSION_IDLE_NANOS}
     * are closed on the way.
     */
    private Tab takeTab(Browser browser, TabKey host, long deadline) throws CdpException, TimeoutException, InterruptedException {
        Tab evicted;
        List<Tab> stale;
        lock.lock();
        try {
            stale = browser.evictSessionsIdleSince(System.nanoTime() - SESSION_IDLE_NANOS);
            browser.openTabs -= stale.size();
            Tab idle = browser.takeIdle(host);
            if (idle != null) {
                closeAll(stale);
                return idle;
            }
            evicted = browser.openTabs >= settings.tabs() ? browser.evictIdle() : null;
            if (evicted == null) {
                browser.openTabs++;
            } // else: the evicted tab's place is the new one's
        } finally {
            lock.unlock();
        }
        closeAll(stale);
        if (evicted != null) {
            evicted.close();
        }
        try {
            return Tab.open(browser.cdp, host, settings, deadline);
        } catch (CdpException | TimeoutException | InterruptedException | RuntimeException e) {
            lock.lock();
            try {
                browser.openTabs--;
            } finally {
                lock.unlock();
            }
            throw e;
        }
    }

    /** Keeps a tab for its host's next page, or closes it (after an error, or its page budget). */
    private void giveBack(Browser browser, Tab tab, boolean keep) {
        if (tab == null) {
            return;
        }
        boolean close;
        lock.lock();
        try {
            if (keep && !browser.dead && !browser.retiring && !closed) {
                browser.putIdle(tab, System.nanoTime());
                return;
            }
            browser.openTabs--;
            close = !browser.dead && !browser.retiring && !closed; // else the browser goes, its tabs with it
        } finally {
            lock.unlock();
        }
        if (close) {
            boolean interrupted = Thread.interrupted();
            try {
                tab.close(); // before the permit is given back: a closing page still counts against the tab budget
            } catch (InterruptedException e) {
                interrupted = true;
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Closes tabs taken out of the idle set (outside the lock); a tab's close waits for the browser's
     * answer, bounded, and the request's interrupt is kept for after.
     */
    private static void closeAll(List<Tab> tabs) {
        if (tabs.isEmpty()) {
            return;
        }
        boolean interrupted = Thread.interrupted();
        for (Tab tab : tabs) {
            try {
                tab.close();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** On the renderer thread: a current browser past the memory cap retires (killed once its pages are done). */
    private void overCap(Browser browser) {
        lock.lock();
        try {
            if (browser == current && !browser.retiring) {
                browser.retiring = true;
                killWhenIdle(browser);
            }
        } finally {
            lock.unlock();
        }
    }

    private void gone(Browser browser) {
        lock.lock();
        try {
            live.remove(browser);
        } finally {
            lock.unlock();
        }
    }

    private List<Browser> liveBrowsers() {
        lock.lock();
        try {
            return new ArrayList<>(live);
        } finally {
            lock.unlock();
        }
    }

    private boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    // --- figures and the end

    public long restarts() {
        return Math.max(0, keeper.starts() - 1);
    }

    public Duration browserCpu() {
        return keeper.cpu();
    }

    public long residentBytes() {
        return keeper.residentBytes();
    }

    /** Kills every browser (their process trees) and deletes their profiles; waits for it, on the renderer thread. */
    public void close() {
        List<Browser> browsers;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            current = null;
            browsers = new ArrayList<>(live);
            for (Browser browser : browsers) {
                browser.killed = true;
            }
        } finally {
            lock.unlock();
        }
        keeper.killAllAndStop(browsers);
    }

    /** A tab's host key: scheme://host:port. */
    static String origin(URI url) {
        String scheme = url.getScheme();
        if (url.getHost() == null || scheme == null
                || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            return null;
        }
        int port = url.getPort() >= 0 ? url.getPort() : scheme.equalsIgnoreCase("https") ? 443 : 80;
        return scheme.toLowerCase(java.util.Locale.ROOT) + "://" + url.getHost().toLowerCase(java.util.Locale.ROOT) + ":" + port;
    }
}
