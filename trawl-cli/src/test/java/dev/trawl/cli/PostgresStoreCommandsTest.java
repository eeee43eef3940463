package dev.trawl.cli;

import static dev.trawl.cli.CrawlCommandTest.trawl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.demoshop.DemoShop;
import dev.trawl.postgres.PostgresCrawlStore;
import dev.trawl.postgres.TestPostgres;
import dev.trawl.store.Run;
import dev.trawl.store.RunCounts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** crawl --store, runs and export with a PostgreSQL URL in place of a file, against a real server. */
@Timeout(120)
class PostgresStoreCommandsTest {
    private static final int PRODUCTS = 60;

    @TempDir
    Path dir;

    @Test
    void aCrawlIntoPostgresExportsExactlyTheCatalogue() throws Exception {
        String jdbc = TestPostgres.get().newSchemaUrl(); // jdbc:postgresql://host:port/db?user=..&password=..&currentSchema=..
        String schema = jdbc.substring(jdbc.indexOf("currentSchema="));
        String hostAndDb = jdbc.substring("jdbc:postgresql://".length(), jdbc.indexOf('?'));
        String libpq = "postgresql://" + TestPostgres.get().user() + ":" + TestPostgres.get().password() + "@" + hostAndDb + "?" + schema;
        try (DemoShop shop = DemoShop.builder().address("127.0.0.43").products(PRODUCTS).start()) {
            CrawlCommandTest.Run crawl = trawl("crawl", "--site", shop.baseUri().toString(), "--store", jdbc, "--job", "shop");
            assertEquals(0, crawl.code(), crawl.err());
            assertTrue(crawl.out().contains("store: run 1 of job shop, finished"), crawl.out());

            CrawlCommandTest.Run runs = trawl("runs", libpq);
            assertEquals(0, runs.code(), runs.err());
            assertEquals(2, runs.out().lines().count(), runs.out());
            assertTrue(runs.out().lines().skip(1).allMatch(l -> l.contains(" shop ") && l.contains("finished")
                    && l.trim().endsWith(" " + PRODUCTS)), runs.out());

            Path products = dir.resolve("products.jsonl");
            CrawlCommandTest.Run export = trawl("export", libpq, "--out", products.toString());
            assertEquals(0, export.code(), export.err());
            assertEquals("trawl: " + PRODUCTS + " products of run 1 written to " + products + "\n", export.err());
            List<String> expected = new ArrayList<>();
            for (long id = 0; id < PRODUCTS; id++) {
                expected.add(shop.expectedLine(id));
            }
            assertEquals(expected.stream().sorted().toList(), Files.readAllLines(products).stream().map(PostgresStoreCommandsTest::withoutCrawlFields)
                    .sorted().toList());
        }
    }

    @Test
    void thePasswordComesFromAFileNotTheCommandLine() throws Exception {
        String jdbc = TestPostgres.get().newSchemaUrl();
        String schema = jdbc.substring(jdbc.indexOf("currentSchema="));
        String hostAndDb = jdbc.substring("jdbc:postgresql://".length(), jdbc.indexOf('?'));
        String noPassword = "postgresql://" + TestPostgres.get().user() + "@" + hostAndDb + "?" + schema;
        // The test server trusts loopback and checks no password: this shows the file is read and its secret never shown.
        String secret = "s3cret-" + ProcessHandle.current().pid();
        Path file = Files.writeString(dir.resolve("pw"), secret + "\n");
        try (DemoShop shop = DemoShop.builder().address("127.0.0.44").products(10).start()) {
            CrawlCommandTest.Run crawl = trawl("crawl", "--site", shop.baseUri().toString(), "--store", noPassword,
                    "--store-password-file", file.toString());
            assertEquals(0, crawl.code(), crawl.err());
            CrawlCommandTest.Run runs = trawl("runs", noPassword, "--store-password-file", file.toString());
            assertEquals(0, runs.code(), runs.err());
            assertTrue(runs.out().lines().skip(1).allMatch(l -> l.trim().endsWith(" 10")), runs.out());
            assertTrue(!(crawl.out() + crawl.err() + runs.out() + runs.err()).contains(secret), "no password shown");
            CrawlCommandTest.Run empty = trawl("runs", noPassword, "--store-password-file", Files.writeString(dir.resolve("empty"), "").toString());
            assertEquals(1, empty.code(), empty.err());
            assertEquals("trawl: password file " + dir.resolve("empty") + " is empty\n", empty.err());
            CrawlCommandTest.Run sqlite = trawl("runs", dir.resolve("c.db").toString(), "--store-password-file", file.toString());
            assertEquals(2, sqlite.code(), sqlite.err());
        }
    }

    @Test
    void anUnreachableServerIsAOneLineErrorWithoutThePassword() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        CrawlCommandTest.Run r = trawl("runs", "postgresql://someone:hunter2@127.0.0.1:" + port + "/crawls");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("trawl: postgresql://127.0.0.1:" + port + "/crawls: cannot connect: Connection to 127.0.0.1:"
                + port + " refused"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(r.err().contains("hunter2"), r.err());
    }

    @Test
    @Timeout(240)
    void twoProcessesCrawlTwoJobsIntoOneDatabaseAtOnceAndOneKilledWithSigkillResumes() throws Exception {
        String jdbc = TestPostgres.get().newSchemaUrl();
        int products = 1500;
        try (DemoShop north = DemoShop.builder().address("127.0.0.46").products(products).latency(Duration.ofMillis(20)).start();
             DemoShop south = DemoShop.builder().address("127.0.0.47").products(products).latency(Duration.ofMillis(20)).start()) {
            Process first = crawl(north, jdbc, "north", "north-1");
            Process other = crawl(south, jdbc, "south", "south");
            awaitRequests(north, first, 100);
            awaitRequests(south, other, 100);
            assertTrue(first.isAlive() && other.isAlive(), "both processes crawl into the database at the same time");
            first.destroyForcibly().waitFor(); // SIGKILL: its session, and the job's lock, end with its connections
            long northDone = north.counters().requests();
            assertTrue(northDone < products, "killed mid-crawl, after " + northDone + " requests");

            Process resumed = crawl(north, jdbc, "north", "north-2");
            assertTrue(resumed.waitFor(180, TimeUnit.SECONDS) && other.waitFor(180, TimeUnit.SECONDS));
            assertEquals(0, resumed.exitValue(), Files.readString(dir.resolve("north-2.err")));
            assertEquals(0, other.exitValue(), Files.readString(dir.resolve("south.err")));

            try (PostgresCrawlStore store = PostgresCrawlStore.openReadOnly(jdbc)) {
                List<Run> runs = store.runs();
                assertEquals(List.of("north", "south"), runs.stream().map(Run::job).sorted().toList(), "the killed job's run was resumed");
                for (Run run : runs) {
                    DemoShop shop = run.job().equals("north") ? north : south;
                    assertTrue(run.finished(), run + "; its last process said: "
                            + Files.readString(dir.resolve(run.job().equals("north") ? "north-2.err" : "south.err")));
                    assertEquals(new RunCounts(0, products, 0, 0, products), store.counts(run.id()), run.job());
                    List<String> lines = new ArrayList<>();
                    store.productLines(run.id(), line -> lines.add(withoutCrawlFields(line)));
                    List<String> expected = new ArrayList<>();
                    for (long id = 0; id < products; id++) {
                        expected.add(shop.expectedLine(id));
                    }
                    assertEquals(expected.stream().sorted().toList(), lines.stream().sorted().toList(), run.job() + ": the catalogue, once");
                }
            }
        }
    }

    @Test
    @Timeout(240)
    void aStoreThatFailsMidCrawlStopsItWithExitCode1AndTheSameCommandResumesIt() throws Exception {
        String jdbc = TestPostgres.get().newSchemaUrl();
        int products = 1500;
        try (DemoShop shop = DemoShop.builder().address("127.0.0.48").products(products).latency(Duration.ofMillis(20)).start()) {
            Process first = crawl(shop, jdbc, "daily", "first");
            awaitRequests(shop, first, 100);
            // The server ends the crawl's sessions, as a restart or a failover would.
            try (Connection c = DriverManager.getConnection(TestPostgres.get().jdbcUrl(), TestPostgres.get().user(),
                    TestPostgres.get().password()); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                         + " WHERE application_name LIKE 'trawl pid " + first.pid() + " %'")) {
                rs.next();
                assertTrue(rs.getInt(1) > 0, "the crawl's sessions were found");
            }
            assertTrue(first.waitFor(60, TimeUnit.SECONDS));
            String err = Files.readString(dir.resolve("first.err"));
            assertEquals(1, first.exitValue(), err);
            assertTrue(err.contains("trawl: cannot write the crawl store: ") || err.contains("trawl: cannot read the crawl store: "), err);
            assertTrue(err.contains("the crawl stops, and resumes from its last commit"), err);
            assertFalse(err.contains("Exception") || err.contains("\tat "), err);

            Process again = crawl(shop, jdbc, "daily", "again");
            assertTrue(again.waitFor(180, TimeUnit.SECONDS));
            assertEquals(0, again.exitValue(), Files.readString(dir.resolve("again.err")));
            try (PostgresCrawlStore store = PostgresCrawlStore.openReadOnly(jdbc)) {
                assertEquals(1, store.runs().size(), "the same run, resumed");
                assertEquals(new RunCounts(0, products, 0, 0, products), store.counts(store.runs().getFirst().id()));
            }
        }
    }

    private Process crawl(DemoShop shop, String store, String job, String name) throws IOException {
        Path urls = ChildCrawls.urlFile(shop, dir.resolve(job + "-urls.txt"));
        return ChildCrawls.start(dir, name, List.of("crawl", "--urls", urls.toString(), "--store", store, "--job", job,
                "--ignore-robots", "--quiet", "--concurrency", "8", "--per-host", "8"));
    }

    private static void awaitRequests(DemoShop shop, Process crawl, long requests) throws InterruptedException {
        while (shop.counters().requests() < requests) {
            assertTrue(crawl.isAlive(), "still crawling");
            Thread.sleep(5);
        }
    }

    /** A product line without what depends on the fetch (source, time, status): the shop's expected line. */
    private static String withoutCrawlFields(String line) {
        int at = line.indexOf(",\"source\":");
        return at < 0 ? line : line.substring(0, at) + "}";
    }
}
