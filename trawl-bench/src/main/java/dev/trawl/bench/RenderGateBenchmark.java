package dev.trawl.bench;

import dev.trawl.fetch.RenderMode;
import dev.trawl.internal.render.RenderGate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Nanoseconds per page of what {@code --render auto} adds to a crawl that renders nothing (issue
 * 17's overhead target): the per-host decision before a product page is sent, and the count after
 * its fetch gave products, on two threads over 64 hosts. Set against a page's whole cost (about
 * 0.6 ms of CPU in a 20,000-page crawl, or ExtractionBenchmark's jsonLd in the same run).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Threads(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RenderGateBenchmark {
    private static final String[] HOSTS = new String[64];

    static {
        for (int i = 0; i < HOSTS.length; i++) {
            HOSTS[i] = "http://shop" + i + ".test:80";
        }
    }

    private final RenderGate gate = new RenderGate(RenderMode.AUTO);

    @State(Scope.Thread)
    public static class Turn {
        int next;
    }

    @Benchmark
    public boolean autoPerPage(Turn turn) {
        String host = HOSTS[turn.next++ & (HOSTS.length - 1)];
        boolean first = gate.renderFirst(host, null);
        gate.fetched(host, false);
        return first;
    }
}
