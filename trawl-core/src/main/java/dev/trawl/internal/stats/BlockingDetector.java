package dev.trawl.internal.stats;

import dev.trawl.internal.runtime.TrawlThreads;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingStream;

/**
 * Makes blocking visible (the seed story's self-check): names the code that holds a carrier
 * thread, which every other request's virtual thread then waits for. Two watches run while a
 * crawl does:
 * <ul>
 * <li>JFR's {@code jdk.VirtualThreadPinned} events, read in-process with a {@link RecordingStream}:
 *     a virtual thread that blocked while pinned to its carrier (a native or VM call on its stack,
 *     such as a JNI driver or a class initialiser that waits) for longer than the threshold. Each
 *     culprit (the first frame outside the JDK) is reported once, with how long it held the
 *     carrier and why.
 * <li>A lag probe: a virtual thread that sleeps 10 ms and measures how late it wakes. Waking far
 *     too late, with no garbage-collector pause to explain it, means every carrier was held
 *     (CPU-heavy or blocking work on request threads, even where JFR sees no pinning); reported
 *     once, with the lag.
 * </ul>
 * Reports go to {@code warnings} as lines a user can act on. Thread-safe; close it to stop.
 */
public final class BlockingDetector implements AutoCloseable {
    private static final String PINNED = "jdk.VirtualThreadPinned";
    private static final long PROBE_NANOS = Duration.ofMillis(10).toNanos();
    private static final Pattern WAITED_FOR_INIT = Pattern.compile("initialization of (\\S+)");
    private static final List<String> JDK_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

    private final Consumer<String> warnings;
    private final Duration lagThreshold;
    private final RecordingStream stream;
    private final Thread probe;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private BlockingDetector(Duration pinThreshold, Duration lagThreshold, Consumer<String> warnings) {
        this.warnings = warnings;
        this.lagThreshold = lagThreshold;
        this.stream = new RecordingStream();
        stream.enable(PINNED).withThreshold(pinThreshold).withStackTrace();
        stream.onEvent(PINNED, this::pinned);
        stream.startAsync();
        this.probe = TrawlThreads.startVirtual("lag-probe", this::probe);
    }

    /**
     * Starts watching: pinning longer than {@code pinThreshold} is reported, and virtual threads
     * waking more than {@code lagThreshold} late.
     */
    public static BlockingDetector start(Duration pinThreshold, Duration lagThreshold, Consumer<String> warnings) {
        return new BlockingDetector(pinThreshold, lagThreshold, warnings);
    }

    private void pinned(RecordedEvent e) {
        List<RecordedFrame> frames = e.getStackTrace() == null ? List.of() : e.getStackTrace().getFrames();
        List<String> own = frames.stream().filter(RecordedFrame::isJavaFrame).map(BlockingDetector::method)
                .filter(m -> JDK_PACKAGES.stream().noneMatch(m::startsWith)).limit(2).toList();
        String culprit = own.isEmpty() ? "JDK code" : own.getFirst();
        String why = e.hasField("pinnedReason") && e.getString("pinnedReason") != null ? e.getString("pinnedReason") : "pinned";
        if (!reported.add(cause(culprit, why))) {
            return;
        }
        String from = own.size() > 1 ? " (called from " + own.get(1) + ")" : "";
        String blocking = e.hasField("blockingOperation") && e.getString("blockingOperation") != null
                ? ", blocked in " + e.getString("blockingOperation") : "";
        report("blocking: a call in " + culprit + from + " held a carrier thread for " + e.getDuration().toMillis() + " ms (" + why
                + blocking + "): every other request waits while it does; move it off the request path "
                + "(do it once before the crawl, or hand it to a platform thread of your own)");
    }

    /**
     * One slow class initialiser pins its own thread and every thread waiting for it: one cause,
     * reported once, whichever of them JFR delivers first.
     */
    private static String cause(String culprit, String why) {
        Matcher waited = WAITED_FOR_INIT.matcher(why);
        if (waited.find()) {
            return "init " + waited.group(1);
        }
        if (culprit.endsWith(".<clinit>")) {
            return "init " + culprit.substring(0, culprit.length() - ".<clinit>".length());
        }
        return "pinned " + culprit;
    }

    private void probe() {
        while (!closed) {
            long before = System.nanoTime();
            long gcBefore = gcMillis();
            try {
                Thread.sleep(Duration.ofNanos(PROBE_NANOS));
            } catch (InterruptedException e) {
                return;
            }
            long late = System.nanoTime() - before - PROBE_NANOS;
            // a garbage collector's pause stops every thread: late, but nobody's code blocked
            boolean gc = (gcMillis() - gcBefore) * 1_000_000 * 2 >= late;
            if (late > lagThreshold.toNanos() && !gc && !closed && reported.add("lag")) {
                double system = -1;
                double process = -1;
                if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                    system = os.getCpuLoad();
                    process = os.getProcessCpuLoad();
                }
                report(lagLine(late / 1_000_000, system, process));
            }
        }
    }

    /**
     * The lag's report: when the machine's CPUs were busy and mostly not with this process, it is
     * the machine that is saturated, not trawl's code that blocks. Loads are 0 to 1, negative when unknown.
     */
    public static String lagLine(long lateMillis, double systemLoad, double processLoad) {
        if (systemLoad >= 0.9 && processLoad >= 0 && processLoad < systemLoad * 0.6) {
            return String.format(java.util.Locale.ROOT, "cpu: virtual threads waited %d ms for a carrier thread while the machine's CPUs"
                    + " were busy with other processes (all CPUs %.0f%%, trawl %.0f%%): the machine is saturated, no code of trawl's"
                    + " blocked; reported once", lateMillis, systemLoad * 100, processLoad * 100);
        }
        return "blocking: virtual threads waited " + lateMillis + " ms for a carrier thread: all carriers were held "
                + "(CPU-heavy work or blocking native calls on request threads"
                + (processLoad >= 0 ? String.format(java.util.Locale.ROOT, "; trawl used %.0f%% of the CPUs", processLoad * 100) : "")
                + "); reported once";
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private void report(String line) {
        warnings.accept(line);
    }

    private static String method(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    /** Stops watching; events recorded until now are still read and reported first. */
    @Override
    public void close() {
        closed = true;
        TrawlThreads.stop(probe);
        try {
            stream.stop(); // flushes: a case seen just before the crawl ended is still reported
        } catch (IllegalStateException e) {
            // already stopped
        }
        stream.close();
    }
}
