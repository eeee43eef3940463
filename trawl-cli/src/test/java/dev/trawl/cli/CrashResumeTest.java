package dev.trawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.demoshop.DemoShop;
import dev.trawl.store.CrawlStore;
import dev.trawl.store.Run;
import dev.trawl.store.RunCounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN.md invariants 1 and 2, the hard way: a crawl in a child JVM is killed with SIGKILL at
 * random moments, again and again, and resumed each time with the same command; in the end the
 * store holds the shop's catalogue exactly (no product missing, none doubled) and every URL has
 * exactly one terminal outcome. bench/crash.py does the same at a larger scale.
 */
@Timeout(300)
class CrashResumeTest {
    private static final int PRODUCTS = 4000;
    private static final int CONCURRENCY = 8;

    @TempDir
    Path dir;

    @Test
    void aCrawlKilledFiveTimesOrMoreStillEndsWithEveryProductExactlyOnce() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        try (DemoShop shop = DemoShop.builder().address("127.0.0.61").products(PRODUCTS).latency(Duration.ofMillis(15)).start()) {
            Path urls = urlFile(shop);
            Path store = dir.resolve("crawl.db");
            int kills = 0;
            int starts = 0;
            List<Long> doneAtKills = new ArrayList<>();
            while (true) {
                long before = shop.counters().requests();
                Process child = crawl(urls, store, "run-" + starts++);
                if (kills < 6) {
                    // A random moment of the crawl, told by what the shop counted rather than by a clock: on a loaded machine
                    // 1.2 s after the first request once fell before anything was committed, six kills in a row.
                    long at = before + 50 + random.nextInt(PRODUCTS / 10); // six kills leave the crawl unfinished
                    while (child.isAlive() && shop.counters().requests() < at) {
                        Thread.sleep(2);
                    }
                    if (child.isAlive()) {
                        child.destroyForcibly(); // SIGKILL: no hook, no flush, no goodbye
                        child.waitFor();
                        kills++;
                        doneAtKills.add(doneSoFar(store));
                        continue;
                    }
                } else {
                    assertTrue(child.waitFor(200, TimeUnit.SECONDS), "the last crawl ends");
                }
                assertEquals(0, child.exitValue(), "crawl exit code; seed " + seed + "; see " + dir);
                if (kills >= 5) {
                    break;
                }
            }
            System.out.printf("CrashResumeTest: %d SIGKILLs, URLs done at each: %s; seed %d%n", kills, doneAtKills, seed);
            assertTrue(kills >= 5, "killed " + kills + " times");
            assertEquals(doneAtKills.stream().sorted().toList(), doneAtKills, "no commit is ever lost: " + doneAtKills);
            assertTrue(doneAtKills.stream().filter(d -> d > 0 && d < PRODUCTS).count() >= 3,
                    "most kills fall in the middle of the crawl: URLs done at each kill " + doneAtKills);
            try (CrawlStore s = dev.trawl.Stores.sqliteReadOnly(store)) {
                List<Run> runs = s.runs();
                assertEquals(1, runs.size(), "every start resumed the one run: " + runs);
                assertTrue(runs.getFirst().finished());
                RunCounts counts = s.counts(1);
                assertEquals(new RunCounts(0, PRODUCTS, 0, 0, PRODUCTS), counts, "seed " + seed);
                List<String> lines = new ArrayList<>();
                s.productLines(1, line -> lines.add(line.substring(0, line.indexOf(",\"source\":")) + "}"));
                List<String> expected = new ArrayList<>();
                for (long id = 0; id < PRODUCTS; id++) {
                    expected.add(shop.expectedLine(id));
                }
                assertEquals(expected.stream().sorted().toList(), lines.stream().sorted().toList(), "seed " + seed);
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store); Statement q = c.createStatement();
                 ResultSet rs = q.executeQuery("SELECT count(*), count(DISTINCT key), sum(state <> 0) FROM requests")) {
                rs.next();
                assertEquals(PRODUCTS, rs.getLong(1), "one row per URL");
                assertEquals(PRODUCTS, rs.getLong(2));
                assertEquals(PRODUCTS, rs.getLong(3), "each with its terminal outcome");
            }
            long fetched = 0;
            for (long id = 0; id < PRODUCTS; id++) {
                fetched += shop.requestsFor(shop.catalogue().product(id).path());
            }
            // A page is fetched again only if it was in flight, or fetched but not committed, at a kill.
            assertTrue(fetched <= PRODUCTS + (long) kills * (CONCURRENCY + 4 * CONCURRENCY),
                    fetched + " page requests for " + PRODUCTS + " pages and " + kills + " kills");
        }
    }

    @Test
    void aSecondProcessOnTheSameStoreIsRefusedWhileTheFirstRuns() throws Exception {
        try (DemoShop shop = DemoShop.builder().address("127.0.0.62").products(400).latency(Duration.ofMillis(50)).start()) {
            Path urls = urlFile(shop);
            Path store = dir.resolve("crawl.db");
            Process first = crawl(urls, store, "first");
            try {
                Path lock = dir.resolve("crawl.db.lock");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!(Files.exists(lock) && Files.readString(lock).strip().equals(Long.toString(first.pid())))) {
                    assertTrue(System.nanoTime() < deadline, "the first crawl takes the lock");
                    Thread.sleep(20);
                }
                Process second = crawl(urls, store, "second");
                assertTrue(second.waitFor(60, TimeUnit.SECONDS));
                assertEquals(1, second.exitValue());
                String err = Files.readString(dir.resolve("second.err"));
                assertTrue(err.contains("trawl: " + store + " is in use by another trawl process (pid " + first.pid() + ")"), err);
                assertTrue(!err.contains("Exception"), err);
            } finally {
                first.destroyForcibly().waitFor();
            }
        }
    }

    /** URLs with an outcome in the store after a kill; opening it also shows the file is whole. */
    private static long doneSoFar(Path store) {
        if (!Files.exists(store)) {
            return 0;
        }
        try (CrawlStore s = dev.trawl.Stores.sqliteReadOnly(store)) {
            return s.runs().isEmpty() ? 0 : s.counts(1).done();
        }
    }

    @Test
    void sigintAndSigtermStopCleanlyWithTheSummaryAndExitCodes130And143ThenTheRunResumes() throws Exception {
        try (DemoShop shop = DemoShop.builder().address("127.0.0.64").products(1500).latency(Duration.ofMillis(20)).start()) {
            Path urls = urlFile(shop);
            Path store = dir.resolve("crawl.db");
            String[][] signals = {{"INT", "130"}, {"TERM", "143"}};
            for (String[] signal : signals) {
                long before = shop.counters().requests();
                Process child = crawl(urls, store, signal[0], "--summary-json", dir.resolve(signal[0] + ".json").toString());
                while (shop.counters().requests() < before + 50) {
                    assertTrue(child.isAlive(), "still crawling");
                    Thread.sleep(5);
                }
                assertEquals(0, new ProcessBuilder("kill", "-" + signal[0], Long.toString(child.pid())).start().waitFor());
                assertTrue(child.waitFor(60, TimeUnit.SECONDS));
                String err = Files.readString(dir.resolve(signal[0] + ".err"));
                assertEquals(Integer.parseInt(signal[1]), child.exitValue(), err);
                assertTrue(err.contains("trawl: stopped by a signal; run 1 is kept in " + store), err);
                assertTrue(!err.contains("Exception"), err);
                var summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve(signal[0] + ".json").toFile());
                assertTrue(summary.get("stopped_early").asBoolean(), "the summary is written");
                try (CrawlStore s = dev.trawl.Stores.sqliteReadOnly(store)) {
                    RunCounts c = s.counts(1);
                    assertTrue(c.done() > 0 && c.pending() > 0 && c.done() == c.products(), c.toString());
                    // What was in flight is stopped, not failed: the summary and the store agree that it is pending.
                    assertTrue(!summary.get("failed_by_reason").has("cancelled") && !err.contains("cancelled"), err);
                    assertTrue(summary.get("stopped").asLong() <= c.pending(), summary + " " + c);
                    if (signal[0].equals("INT")) { // the first process of the run: its summary is the whole run so far
                        assertEquals(c.done(), summary.get("done").asLong(), summary + " " + c);
                        assertEquals(c.failed(), summary.get("failed").asLong(), summary + " " + c);
                    }
                }
            }
            Process last = crawl(urls, store, "last");
            assertTrue(last.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, last.exitValue());
            try (CrawlStore s = dev.trawl.Stores.sqliteReadOnly(store)) {
                assertEquals(new RunCounts(0, 1500, 0, 0, 1500), s.counts(1));
            }
        }
    }

    private Path urlFile(DemoShop shop) throws IOException {
        return ChildCrawls.urlFile(shop, dir.resolve("urls.txt"));
    }

    /** {@code trawl crawl --store} in a JVM of its own, as a user runs it. */
    private Process crawl(Path urls, Path store, String name, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("crawl", "--urls", urls.toString(), "--store", store.toString(), "--ignore-robots",
                "--quiet", "--concurrency", String.valueOf(CONCURRENCY), "--per-host", String.valueOf(CONCURRENCY)));
        args.addAll(List.of(more));
        return ChildCrawls.start(dir, name, args);
    }
}
