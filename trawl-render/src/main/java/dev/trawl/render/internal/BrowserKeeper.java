package dev.trawl.render.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The renderer's ONE platform thread ({@code trawl-render}) and all the process and file work:
 * starting browsers, killing their process trees and deleting their profiles, and every 2 s
 * sampling their memory and CPU from {@code /proc} (the figures are cached here for any thread to
 * read). Never on a request's virtual thread (DESIGN.md, invariant 6).
 */
final class BrowserKeeper {

    static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final long MONITOR_SECONDS = 2;

    private final Path executable;
    private final long memoryCapBytes;
    private final Supplier<List<Browser>> live;
    private final Consumer<Browser> overCap;
    private final Consumer<Browser> gone;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("trawl-render").daemon(true).factory());
    private final AtomicBoolean monitoring = new AtomicBoolean();
    private final AtomicLong starts = new AtomicLong();

    // the renderer thread writes these
    private Duration cpuOfEarlier = Duration.ZERO;
    private volatile Duration cpu = Duration.ZERO;
    private volatile long residentBytes;

    /**
     * @param live    the browsers not yet killed
     * @param overCap called (on the renderer thread) for a browser whose processes passed the memory cap
     * @param gone    called once a browser is killed
     */
    BrowserKeeper(Path executable, long memoryCapBytes, Supplier<List<Browser>> live, Consumer<Browser> overCap,
                  Consumer<Browser> gone) {
        this.executable = executable;
        this.memoryCapBytes = memoryCapBytes;
        this.live = live;
        this.overCap = overCap;
        this.gone = gone;
    }

    long starts() {
        return starts.get();
    }

    Duration cpu() {
        return cpu;
    }

    long residentBytes() {
        return residentBytes;
    }

    /** Starts the browser on the renderer thread; {@link Browser#ready} says when it is up, or why not. */
    void start(Browser browser) {
        thread.execute(() -> {
            try {
                BrowserProcess process = BrowserProcess.start(executable, START_TIMEOUT);
                browser.process = process;
                CdpConnection cdp = CdpConnection.open(process.endpoint(), CONNECT_TIMEOUT);
                browser.cdp = cdp;
                cdp.onLost(() -> browser.dead = true);
                process.onExit().thenRun(() -> {
                    browser.dead = true;
                    cdp.fail("the browser process exited");
                });
                closeStartPage(cdp);
                starts.incrementAndGet();
                if (monitoring.compareAndSet(false, true)) {
                    thread.scheduleWithFixedDelay(this::monitor, MONITOR_SECONDS, MONITOR_SECONDS, TimeUnit.SECONDS);
                }
                browser.ready.complete(browser);
            } catch (IOException | CdpException | RuntimeException e) {
                browser.dead = true;
                if (browser.process != null) {
                    browser.process.kill();
                }
                browser.ready.completeExceptionally(e);
            }
        });
    }

    /**
     * Closes the about:blank page the browser opens at start: every page trawl renders is in a
     * context of its own, and this one would keep a renderer process (tens of MB) for nothing.
     */
    private static void closeStartPage(CdpConnection cdp) {
        try {
            long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
            for (var target : cdp.send(null, "Target.getTargets", null, deadline).path("targetInfos")) {
                if (target.path("type").asText().equals("page")) {
                    cdp.send(null, "Target.closeTarget", CdpConnection.params().put("targetId", target.path("targetId").asText()),
                            deadline);
                }
            }
        } catch (CdpException | TimeoutException e) {
            // it stays open: a little memory, nothing more
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the browser's process tree and deletes its profile, on the renderer thread. */
    void kill(Browser browser) {
        thread.execute(() -> killNow(browser));
    }

    /** Kills these browsers, waits for it, and stops the renderer thread. */
    void killAllAndStop(List<Browser> browsers) {
        try {
            thread.submit(() -> browsers.forEach(this::killNow)).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // killed as far as it could be
        }
        thread.shutdownNow();
    }

    private void killNow(Browser browser) {
        try {
            if (browser.process != null) {
                sample(browser); // its last CPU figure, which would be lost with it
                cpuOfEarlier = cpuOfEarlier.plus(browser.cpu);
                browser.cpu = Duration.ZERO;
            }
            if (browser.cdp != null) {
                browser.cdp.close();
            }
            if (browser.process != null) {
                browser.process.kill();
            }
        } catch (RuntimeException e) {
            // nothing here may stop the renderer thread
        } finally {
            gone.accept(browser);
            publish();
        }
    }

    /** Every 2 s: memory and CPU of the browsers; one above the memory cap is reported. */
    private void monitor() {
        try {
            for (Browser browser : live.get()) {
                if (browser.process == null || browser.ready.isCompletedExceptionally()) {
                    continue;
                }
                sample(browser);
                if (browser.residentBytes > memoryCapBytes) {
                    overCap.accept(browser);
                }
            }
            publish();
        } catch (RuntimeException e) {
            // a failed sample is skipped; the next one comes in 2 s
        }
    }

    private void sample(Browser browser) {
        ProcTree.Sample sample = ProcTree.sample(browser.process.refreshTree());
        if (sample.cpu().compareTo(browser.cpu) > 0) {
            browser.cpu = sample.cpu();
        }
        browser.residentBytes = sample.residentBytes();
    }

    private void publish() {
        Duration total = cpuOfEarlier;
        long rss = 0;
        for (Browser browser : live.get()) {
            total = total.plus(browser.cpu);
            rss += browser.residentBytes;
        }
        cpu = total;
        residentBytes = rss;
    }
}
