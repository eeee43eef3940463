package dev.trawl.cli;

import dev.trawl.crawl.Crawl;
import dev.trawl.crawl.CrawlProgress;
import dev.trawl.crawl.FailureReason;
import dev.trawl.internal.runtime.TrawlThreads;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The live progress of a crawl on standard error. On a terminal: one line redrawn in place four
 * times a second. Otherwise (CI, a pipe, a log file): a plain line every {@code every}, with no
 * control characters. Each says: done of known, pages/s (recent and average), in flight, retries
 * waiting, failures by their top reasons, and the ETA of the URLs known so far.
 */
final class ProgressLine implements AutoCloseable {
    /** How often a progress line is written when standard error is not a terminal. */
    static final Duration DEFAULT_EVERY = Duration.ofSeconds(10);
    private static final Duration REDRAW = Duration.ofMillis(250);

    private final Crawl crawl;
    private final LogLines log;
    private final PrintWriter err;
    private final boolean terminal;
    private final Duration every;
    private final Thread thread;

    private ProgressLine(Crawl crawl, LogLines log, PrintWriter err, boolean terminal, Duration every) {
        this.crawl = crawl;
        this.log = log;
        this.err = err;
        this.terminal = terminal;
        this.every = every;
        this.thread = TrawlThreads.startVirtual("progress", this::run);
    }

    /**
     * Starts printing; {@code every} is the interval of plain lines when standard error is not a
     * terminal, or when the lines are JSON.
     */
    static ProgressLine start(Crawl crawl, LogLines log, Duration every) {
        return new ProgressLine(crawl, log, log.err(), !log.json() && stderrIsTerminal(), every);
    }

    private void run() {
        Duration interval = terminal ? REDRAW : every;
        // the recent rate is over the last few seconds, whatever the interval
        long window = Math.max(1, Duration.ofSeconds(3).toNanos() / interval.toNanos());
        CrawlProgress[] history = new CrawlProgress[(int) Math.min(window, 64)];
        java.util.Arrays.fill(history, crawl.progress());
        int n = 0;
        try {
            while (true) {
                Thread.sleep(interval);
                CrawlProgress now = crawl.progress();
                CrawlProgress then = history[n % history.length];
                history[n++ % history.length] = now;
                String line = render(now, then);
                if (terminal) {
                    synchronized (err) {
                        err.print("\r" + line + "\u001b[K");
                        err.flush();
                    }
                } else {
                    log.progress(now, line);
                }
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    /** The line's text: plain ASCII words and numbers, no control characters. */
    static String render(CrawlProgress now, CrawlProgress then) {
        long finished = now.counts().finished();
        double seconds = Math.max(1e-9, (now.elapsed().toNanos() - then.elapsed().toNanos()) / 1e9);
        double recent = (finished - then.counts().finished()) / seconds;
        double average = finished / Math.max(1e-9, now.elapsed().toNanos() / 1e9);
        long left = now.known() - finished;
        StringBuilder s = new StringBuilder();
        s.append(finished).append(" done of ").append(now.known()).append(" known, ")
                .append(Math.round(recent)).append(" pages/s (avg ").append(Math.round(average)).append("), ")
                .append(now.inFlight()).append(" in flight, ").append(now.retriesWaiting()).append(" retries waiting");
        long failed = now.counts().failed();
        if (failed > 0) {
            s.append(", ").append(failed).append(" failed (").append(topReasons(now.counts().failedByReason())).append(')');
        }
        java.time.Instant proxyWait = now.waitingForAProxyUntil();
        if (proxyWait != null) {
            s.append(", waiting: every proxy cooling down until ")
                    .append(proxyWait.atZone(java.time.ZoneId.systemDefault()).toLocalTime().withNano(0));
        }
        double rate = recent > 0 ? recent : average;
        s.append(", ETA ").append(left == 0 ? "0s" : rate > 0 ? duration(Math.round(left / rate)) : "?");
        return s.toString();
    }

    private static String topReasons(Map<FailureReason, Long> byReason) {
        return byReason.entrySet().stream().sorted(Map.Entry.<FailureReason, Long>comparingByValue(Comparator.reverseOrder())).limit(3)
                .map(e -> e.getKey().code() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String duration(long seconds) {
        return seconds < 120 ? seconds + "s" : seconds < 7200 ? seconds / 60 + "m" + seconds % 60 + "s" : seconds / 3600 + "h" + seconds % 3600 / 60 + "m";
    }

    /** Standard error is a terminal when file descriptor 2 is one (Linux), else when the JVM has an interactive console. */
    private static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null && System.console().isTerminal();
        }
    }

    /** Stops; on a terminal the line is cleared so the summary starts on a clean line. */
    @Override
    public void close() {
        TrawlThreads.stop(thread);
        if (terminal) {
            synchronized (err) {
                err.print("\r\u001b[K");
                err.flush();
            }
        }
    }
}
