package dev.trawl.internal.stats;

import dev.trawl.crawl.RenderCounts;
import dev.trawl.fetch.RenderMode;
import dev.trawl.fetch.Renderer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/** Counters of the pages rendered in the browser, and of those that looked as if they needed it but were not. */
public final class RenderStats {
    private final LongAdder rendered = new LongAdder();
    private final LongAdder withProducts = new LongAdder();
    private final LongAdder scripted = new LongAdder();
    private final AtomicReference<String> scriptedExample = new AtomicReference<>();
    private final LatencyHistogram latency = new LatencyHistogram();

    public void rendered(long elapsedNanos, boolean products) {
        rendered.increment();
        latency.record(elapsedNanos);
        if (products) {
            withProducts.increment();
        }
    }

    /** A product page with no product that looked built by scripts was not rendered. */
    public void scripted(String url) {
        scripted.increment();
        scriptedExample.compareAndSet(null, url);
    }

    /** The counters; {@code renderer} (null: none) tells its restarts and CPU. */
    public RenderCounts snapshot(RenderMode mode, Renderer renderer) {
        String m = mode.name().toLowerCase(Locale.ROOT);
        if (renderer == null) {
            return RenderCounts.none(m, scripted.sum(), scriptedExample.get());
        }
        return new RenderCounts(m, rendered.sum(), withProducts.sum(), latency.percentile(0.50), latency.percentile(0.95),
                renderer.restarts(), renderer.browserCpu(), scripted.sum(), scriptedExample.get());
    }
}
