package dev.trawl.render.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Resident memory and CPU time of a process tree. Reads {@code /proc} (file I/O: call it on the
 * renderer's platform thread, never on a request's virtual thread); elsewhere than Linux it falls
 * back on {@link ProcessHandle.Info} for CPU and knows no memory.
 *
 * <p>Memory is the tree's proportional set size (PSS, from {@code smaps_rollup}): each process's
 * resident pages, those it shares with others (Chromium's processes fork from one zygote and share
 * much) divided among the sharers, so that the sum is what the tree holds; summed RSS counts the
 * shared pages once a process (here about twice the PSS). Where there is no smaps_rollup, RSS.
 *
 * <p>CPU counts each live process's own time plus the time of its children that ended and were
 * waited for ({@code cutime}, {@code cstime}), so a renderer process that exited between two
 * samples (a tab's context disposed) is still counted, by its parent.
 */
public final class ProcTree {

    /** USER_HZ: /proc's clock ticks are 1/100 s on every Linux ABI. */
    private static final long TICK_NANOS = 10_000_000L;
    private static final long PAGE_BYTES = 4096;
    private static final boolean PROC = Files.isDirectory(Path.of("/proc/self"));

    /** What one sample saw: the resident memory (PSS) of the processes, their CPU time, how many were running. */
    public record Sample(long residentBytes, Duration cpu, int processes) {}

    private ProcTree() {}

    public static Sample sample(List<ProcessHandle> processes) {
        long rss = 0;
        long cpuNanos = 0;
        int alive = 0;
        for (ProcessHandle process : processes) {
            if (PROC) {
                long[] stat = stat(process.pid());
                if (stat == null) {
                    continue;
                }
                alive++;
                cpuNanos += stat[0] * TICK_NANOS;
                long pss = pss(process.pid());
                rss += pss >= 0 ? pss : stat[1] * PAGE_BYTES;
            } else if (process.isAlive()) {
                alive++;
                cpuNanos += process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
            }
        }
        return new Sample(rss, Duration.ofNanos(cpuNanos), alive);
    }

    /** The process's PSS in bytes, or -1 when unknown. */
    private static long pss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.substring(4).replace("kB", "").trim()) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or no smaps_rollup (before Linux 4.14)
        }
        return -1;
    }

    /** Whether the process runs (not exited, not a zombie waiting to be reaped). */
    public static boolean running(ProcessHandle process) {
        if (!PROC) {
            return process.isAlive();
        }
        return stat(process.pid()) != null;
    }

    /** {utime + stime + cutime + cstime in ticks, rss in pages}, or null when the process is gone. */
    private static long[] stat(long pid) {
        String line;
        try {
            line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
        // "pid (comm) state ppid ...": comm may hold spaces and parentheses; the fields follow the last ')'
        int close = line.lastIndexOf(')');
        if (close < 0) {
            return null;
        }
        String[] fields = line.substring(close + 2).trim().split(" ");
        // fields[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17, rss 24
        if (fields.length < 22 || fields[0].equals("Z")) {
            return null;
        }
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12])
                + Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        return new long[] {ticks, Long.parseLong(fields[21])};
    }
}
