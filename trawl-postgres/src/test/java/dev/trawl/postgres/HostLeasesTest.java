package dev.trawl.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.postgres.HostLeases.Lease;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Host leases against a real PostgreSQL, two workers as two processes would be (a pool each). Short TTLs where
 * expiry is the point, but what is asserted is the database's state and its clock, never a wall-clock duration.
 */
@Timeout(180)
class HostLeasesTest {
    private static final String JOB = "shops";
    private static final long RUN = 7;
    private static final Duration LONG = Duration.ofSeconds(120);
    private static final Duration SHORT = Duration.ofSeconds(2);

    private String url;
    private HostLeases a;
    private HostLeases b;

    @BeforeEach
    void open() {
        url = TestPostgres.get().newSchemaUrl();
        a = HostLeases.open(url, new Properties(), 9, Duration.ofMillis(500));
        b = HostLeases.open(url, new Properties(), 9, Duration.ofMillis(500));
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    @Test
    void twoWorkersOfEightThreadsNeverHoldOneHostAtOnceAndEveryHostIsLeased() throws Exception {
        List<String> hosts = IntStream.range(0, 1000).mapToObj(i -> "shop" + i + ".example").toList();
        assertEquals(1000, a.offer(JOB, RUN, hosts));
        assertEquals(0, b.offer(JOB, RUN, hosts.reversed()), "offering again adds nothing");
        assertEquals(0, a.offer(JOB, RUN + 1, List.of()));

        // Phase 1: 16 threads lease until nothing is left; with a long TTL no lease lapses, so each host once.
        List<Lease> all = Collections.synchronizedList(new ArrayList<>());
        runThreads(16, t -> {
            HostLeases mine = t % 2 == 0 ? a : b;
            String worker = t % 2 == 0 ? "A" : "B";
            int empty = 0;
            while (empty < 3) { // a lease can skip rows another thread holds locked: empty three times running
                List<Lease> got = mine.lease(JOB, RUN, worker, 7, LONG);
                all.addAll(got);
                empty = got.isEmpty() ? empty + 1 : 0;
            }
        });
        assertEquals(1000, all.size());
        Map<String, Lease> byHost = new HashMap<>();
        for (Lease l : all) assertNull(byHost.put(l.host(), l), "leased twice: " + l.host());
        assertEquals(Set.copyOf(hosts), byHost.keySet(), "every host leased");
        assertTrue(all.stream().anyMatch(l -> l.worker().equals("A")) && all.stream().anyMatch(l -> l.worker().equals("B")));
        Map<String, Row> rows = rows();
        for (String h : hosts) {
            Row r = rows.get(h);
            assertEquals(1, r.epoch, h + ": leased exactly once, its owner never changed");
            assertEquals(byHost.get(h).worker(), r.owner, h);
            assertEquals(1, byHost.get(h).epoch());
        }
        assertTrue(a.lease(JOB, RUN, "A", 10, LONG).isEmpty() && b.lease(JOB, RUN, "B", 10, LONG).isEmpty(),
                "no live lease is taken");
        assertEquals(1000, a.release("A", all.stream().filter(l -> l.worker().equals("A")).toList())
                + b.release("B", all.stream().filter(l -> l.worker().equals("B")).toList()));

        // Phase 2: churn, lease and release over and over; no two threads ever hold one host, and the database's
        // epoch of each host counts exactly the grants the threads saw.
        Map<String, Integer> holders = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> grants = new ConcurrentHashMap<>();
        List<String> overlaps = Collections.synchronizedList(new ArrayList<>());
        runThreads(16, t -> {
            HostLeases mine = t % 2 == 0 ? a : b;
            String worker = t % 2 == 0 ? "A" : "B";
            for (int round = 0; round < 40; round++) {
                List<Lease> got = mine.lease(JOB, RUN, worker, 5, LONG);
                for (Lease l : got) {
                    Integer other = holders.putIfAbsent(l.host(), t);
                    if (other != null) overlaps.add(l.host() + " held by threads " + other + " and " + t);
                    grants.computeIfAbsent(l.host(), k -> new AtomicInteger()).incrementAndGet();
                }
                for (Lease l : got) holders.remove(l.host(), t); // before the release: after it, another may lease
                assertEquals(got.size(), mine.release(worker, got));
            }
        });
        assertEquals(List.of(), overlaps);
        rows = rows();
        int total = 0;
        for (String h : hosts) {
            int seen = grants.containsKey(h) ? grants.get(h).get() : 0;
            assertEquals(1 + seen, rows.get(h).epoch, h + ": one epoch per grant");
            assertNull(rows.get(h).owner);
            total += seen;
        }
        assertTrue(total > 0);
    }

    @Test
    void aLeaseNotRenewedIsTakenWithAHigherEpochAndItsOldOwnerLosesItAndIsFenced() throws Exception {
        a.offer(JOB, RUN, List.of("slow.example", "kept.example"));
        List<Lease> first = a.lease(JOB, RUN, "A", 2, SHORT);
        assertEquals(2, first.size());
        Lease slow = first.stream().filter(l -> l.host().equals("slow.example")).findFirst().orElseThrow();
        assertEquals(1, slow.epoch());
        assertTrue(slow.expiresAt().isAfter(slow.grantedAt()));
        List<Lease> early = b.lease(JOB, RUN, "B", 2, SHORT);
        for (Lease l : early) { // only if this machine was so slow that the database's clock passed the expiry
            assertFalse(l.grantedAt().isBefore(first.get(0).expiresAt()), "a live lease was taken: " + l);
        }

        // A keeps one host by renewing it, and lets the other lapse.
        Lease kept = first.stream().filter(l -> l.host().equals("kept.example")).findFirst().orElseThrow();
        List<Lease> renewed = a.renew("A", List.of(kept), LONG);
        if (early.stream().noneMatch(l -> l.host().equals("kept.example"))) {
            assertEquals(1, renewed.size());
            assertEquals(kept.epoch(), renewed.get(0).epoch());
            assertTrue(renewed.get(0).expiresAt().isAfter(kept.expiresAt()));
            assertTrue(renewed.get(0).deadlineNanos() - kept.deadlineNanos() > 0);
        }
        awaitExpiry("slow.example");
        assertTrue(slow.expiredLocally(), "the local deadline comes before the database's expiry");

        List<Lease> taken = b.lease(JOB, RUN, "B", 5, SHORT);
        List<Lease> bs = new ArrayList<>(early);
        bs.addAll(taken);
        Lease theirs = bs.stream().filter(l -> l.host().equals("slow.example")).findFirst().orElseThrow();
        assertEquals(2, theirs.epoch());
        assertEquals("B", theirs.worker());
        assertFalse(theirs.grantedAt().isBefore(slow.expiresAt()));
        if (!renewed.isEmpty()) {
            assertTrue(taken.stream().noneMatch(l -> l.host().equals("kept.example")), "a renewed lease is not taken");
        }

        assertTrue(a.renew("A", List.of(slow), LONG).isEmpty(), "lost: its epoch changed");
        assertEquals(0, a.release("A", List.of(slow)), "a lost lease cannot be released by its old owner");
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            assertFalse(HostLeases.stillOwned(c, JOB, RUN, "slow.example", 1), "the old epoch is fenced");
            assertTrue(HostLeases.stillOwned(c, JOB, RUN, "slow.example", 2));
            assertEquals(Set.of("slow.example"), HostLeases.owned(c, JOB, RUN, Map.of("slow.example", 2L, "kept.example", 99L)));
            c.rollback();
        }
        assertEquals("B", rows().get("slow.example").owner);
    }

    @Test
    void aWritersFenceHoldsAnExpiredHostUntilItsTransactionEnds() throws Exception {
        a.offer(JOB, RUN, List.of("h.example"));
        Lease mine = a.lease(JOB, RUN, "A", 1, SHORT).getFirst();
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            assertTrue(HostLeases.stillOwned(c, JOB, RUN, "h.example", mine.epoch()));
            awaitExpiry("h.example");
            assertTrue(b.lease(JOB, RUN, "B", 1, SHORT).isEmpty(), "the fenced row is skipped, not waited for");
            assertEquals(1, a.renew("A", List.of(mine), SHORT).size(), "a heartbeat is not blocked by the fence");
            c.commit();
        }
        awaitExpiry("h.example");
        Lease next = b.lease(JOB, RUN, "B", 1, SHORT).getFirst();
        assertEquals(mine.epoch() + 1, next.epoch());
    }

    @Test
    void aPauseNeedsTheCurrentEpochAndReachesTheNextOwner() throws Exception {
        a.offer(JOB, RUN, List.of("busy.example"));
        Lease one = a.lease(JOB, RUN, "A", 1, LONG).getFirst();
        assertNull(one.nextAllowed());
        assertFalse(one.paused());
        assertEquals(1, a.release("A", List.of(one)));
        Lease two = b.lease(JOB, RUN, "B", 1, LONG).getFirst();
        assertEquals(2, two.epoch());

        assertFalse(a.pauseFor(JOB, RUN, "busy.example", one.epoch(), Duration.ofHours(1)), "stale epoch");
        assertFalse(a.pauseUntil(JOB, RUN, "busy.example", one.epoch(), Instant.now().plus(Duration.ofHours(1))));
        assertFalse(a.recordRobots(JOB, RUN, "busy.example", one.epoch(), "stale"));
        assertNull(rows().get("busy.example").nextAllowed, "a stale epoch records nothing");

        assertTrue(b.pauseFor(JOB, RUN, "busy.example", two.epoch(), Duration.ofMinutes(10)));
        assertTrue(b.recordRobots(JOB, RUN, "busy.example", two.epoch(), "disallow: /cart"));
        Instant recorded = rows().get("busy.example").nextAllowed;
        assertNotNull(recorded);
        assertTrue(b.pauseFor(JOB, RUN, "busy.example", two.epoch(), Duration.ofSeconds(1)));
        assertEquals(recorded, rows().get("busy.example").nextAllowed, "a shorter pause does not shorten a longer one");
        assertEquals(1, b.release("B", List.of(two)));

        Lease three = a.lease(JOB, RUN, "A", 1, LONG).getFirst();
        assertEquals(3, three.epoch());
        assertEquals(recorded, three.nextAllowed(), "the next owner gets the pause");
        assertEquals("disallow: /cart", three.robots());
        assertTrue(three.paused(), "ten minutes of database time are ten minutes on the new owner's clock");
        assertTrue(three.notBeforeNanos() - System.nanoTime() > Duration.ofMinutes(9).toNanos());

        Instant later = recorded.plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MICROS);
        assertTrue(a.pauseUntil(JOB, RUN, "busy.example", three.epoch(), later));
        assertEquals(later, rows().get("busy.example").nextAllowed);
        assertEquals(later, a.renew("A", List.of(three), LONG).getFirst().nextAllowed());
    }

    @Test
    void aReleasedHostIsLeasableAtOnce() {
        a.offer(JOB, RUN, List.of("x.example", "y.example", "z.example"));
        List<Lease> held = a.lease(JOB, RUN, "A", 10, LONG);
        assertEquals(3, held.size());
        assertTrue(b.lease(JOB, RUN, "B", 10, LONG).isEmpty());
        Lease y = held.stream().filter(l -> l.host().equals("y.example")).findFirst().orElseThrow();
        assertEquals(0, b.release("B", List.of(y)), "only the owner releases");
        assertEquals(1, a.release("A", List.of(y)));
        List<Lease> got = b.lease(JOB, RUN, "B", 10, LONG);
        assertEquals(1, got.size());
        assertEquals("y.example", got.getFirst().host());
        assertEquals(2, got.getFirst().epoch());
        assertEquals(0, a.release("A", List.of(y)), "a released lease's epoch is stale once another took it");
        assertTrue(a.lease(JOB, RUN + 1, "A", 10, LONG).isEmpty(), "another run has hosts of its own");
    }

    private interface Body {
        void run(int thread) throws Exception;
    }

    private static void runThreads(int n, Body body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < n; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    body.run(thread);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) f.get();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits until the database's clock has passed the host's expiry. */
    private void awaitExpiry(String host) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement s = c.prepareStatement("SELECT expires_at <= clock_timestamp() FROM host_leases"
                     + " WHERE job = ? AND run = ? AND host = ?")) {
            s.setString(1, JOB);
            s.setLong(2, RUN);
            s.setString(3, host);
            while (true) {
                try (ResultSet rs = s.executeQuery()) {
                    assertTrue(rs.next());
                    if (rs.getBoolean(1)) return;
                }
                Thread.sleep(50);
            }
        }
    }

    private record Row(String owner, long epoch, Instant nextAllowed) {}

    private Map<String, Row> rows() throws Exception {
        Map<String, Row> rows = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement s = c.prepareStatement("SELECT host, owner, epoch, next_allowed FROM host_leases"
                     + " WHERE job = ? AND run = ?")) {
            s.setString(1, JOB);
            s.setLong(2, RUN);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    java.time.OffsetDateTime t = rs.getObject(4, java.time.OffsetDateTime.class);
                    rows.put(rs.getString(1), new Row(rs.getString(2), rs.getLong(3), t == null ? null : t.toInstant()));
                }
            }
        }
        return rows;
    }
}
