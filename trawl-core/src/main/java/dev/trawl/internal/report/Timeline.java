package dev.trawl.internal.report;

import dev.trawl.crawl.Crawl;
import dev.trawl.crawl.CrawlProgress;
import dev.trawl.internal.runtime.TrawlThreads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A crawl's progress sampled once a second, for the report's charts over time: only what the
 * charts draw, not whole snapshots (each holds a latency histogram and a row per host). Past
 * 3,600 samples every other one is dropped and the interval doubles, so a long crawl keeps a
 * bounded timeline.
 */
public final class Timeline implements AutoCloseable {
    private static final int MAX_SAMPLES = 3_600;

    private final Crawl crawl;
    /**
     * One sample.
     *
     * @param seconds  since the crawl started
     * @param finished URLs with an outcome by then
     * @param inFlight requests on the wire then
     */
    public record Point(double seconds, long finished, int inFlight) {
        static Point of(CrawlProgress p) {
            return new Point(p.elapsed().toNanos() / 1e9, p.counts().finished(), p.inFlight());
        }
    }

    private final List<Point> samples = new ArrayList<>();
    private final Thread thread;
    private Duration every = Duration.ofSeconds(1);

    private Timeline(Crawl crawl) {
        this.crawl = crawl;
        synchronized (samples) {
            samples.add(Point.of(crawl.progress()));
        }
        this.thread = TrawlThreads.startVirtual("timeline", this::run);
    }

    public static Timeline start(Crawl crawl) {
        return new Timeline(crawl);
    }

    private void run() {
        try {
            while (true) {
                Thread.sleep(every);
                Point p = Point.of(crawl.progress());
                synchronized (samples) {
                    samples.add(p);
                    if (samples.size() > MAX_SAMPLES) {
                        for (int i = samples.size() - 2; i > 0; i -= 2) {
                            samples.remove(i);
                        }
                        every = every.multipliedBy(2);
                    }
                }
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    /** The samples so far, the first at the start, in order. */
    public List<Point> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /** Stops sampling, taking one last sample so the timeline reaches the crawl's end. */
    @Override
    public void close() {
        TrawlThreads.stop(thread);
        synchronized (samples) {
            samples.add(Point.of(crawl.progress()));
        }
    }
}
