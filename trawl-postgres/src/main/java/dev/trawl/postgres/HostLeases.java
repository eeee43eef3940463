package dev.trawl.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.trawl.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Per-host leases of one crawl run shared by several worker processes (issue 15; design in {@code docs/workers.md}),
 * kept in the table {@code host_leases} (created in the connection's current schema when absent, beside the store's
 * tables, whose names it does not share), one row per (job, run, host).
 *
 * <p>What it promises:
 * <ul>
 *   <li><b>One owner at a time.</b> {@link #lease} takes hosts that have no owner or whose lease has expired, in
 *       database time ({@code clock_timestamp()}), never a worker's clock; the rows are picked with
 *       {@code FOR UPDATE SKIP LOCKED}, so two workers leasing at once never get the same host, and neither waits for
 *       the other. Every grant bumps the host's <em>epoch</em>: an epoch names one tenure of one owner.</li>
 *   <li><b>A lease ends only by its owner's release or by its expiry.</b> A live lease is never taken; an expired one
 *       is taken by the next {@link #lease} of any worker. {@link #renew} extends the leases whose epoch is unchanged
 *       and returns those; one that expired and was taken meanwhile is not among them (lost).</li>
 *   <li><b>The epoch is the fence.</b> {@link #stillOwned} and {@link #owned}, called inside a writer's transaction,
 *       say whether the host's epoch still matches and lock the rows ({@code FOR KEY SHARE}) so that no lease can
 *       change the epoch before that transaction ends: a writer that commits its outcomes only where they say true
 *       commits only for hosts it still holds. Heartbeats and pauses are not blocked by that lock.</li>
 *   <li><b>A worker knows when to stop on its own clock.</b> Every {@link Lease} carries a deadline on
 *       {@link System#nanoTime()}: the moment the call was sent, plus the TTL, minus this object's margin. The
 *       database's expiry is set after the call was sent, so the local deadline comes first in real time (by the
 *       margin, less any difference in the two clocks' rates): a worker that starts no request past it never runs
 *       one past its lease.</li>
 *   <li><b>A pause outlives a hand-over.</b> {@link #pauseFor} and {@link #pauseUntil} record a Retry-After or a
 *       Crawl-delay on the host's row, only under the current epoch, and every later {@link Lease} of that host carries
 *       it ({@link Lease#nextAllowed()}, and {@link Lease#notBeforeNanos()} on the receiving worker's clock).</li>
 *   <li><b>Offering is idempotent.</b> {@link #offer} adds hosts with {@code ON CONFLICT DO NOTHING}.</li>
 * </ul>
 * Every method is one statement in its own transaction (autocommit), except the fences, which run in the caller's.
 * Thread-safe: it keeps no state but the data source.
 */
public final class HostLeases implements AutoCloseable {
    /** The table's name; the store's tables are {@code runs}, {@code requests} and {@code products}. */
    public static final String TABLE = "host_leases";
    /** The margin {@link #HostLeases(DataSource)} takes off every TTL for the local deadline. */
    public static final Duration DEFAULT_MARGIN = Duration.ofMillis(500);

    /** The advisory lock key that serializes the table's creation ("trawl" in ASCII, then a 2; the store's is 1). */
    private static final long CREATE_LOCK = 0x747261776C0002L;

    private final DataSource dataSource;
    private final HikariDataSource ownPool;
    private final Duration margin;

    /** Leases through {@code dataSource}, which the caller configures and closes; the default margin. */
    public HostLeases(DataSource dataSource) {
        this(dataSource, DEFAULT_MARGIN);
    }

    /**
     * Leases through {@code dataSource}, which the caller configures and closes; {@code margin} is taken off every
     * TTL for the local deadline (it must be shorter than each TTL given). Creates the table when absent.
     */
    public HostLeases(DataSource dataSource, Duration margin) {
        this(dataSource, null, margin);
    }

    private HostLeases(DataSource dataSource, HikariDataSource ownPool, Duration margin) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.ownPool = ownPool;
        if (margin.isNegative()) throw new IllegalArgumentException("margin < 0: " + margin);
        this.margin = margin;
        createTable();
    }

    /**
     * Leases over a pool of its own on {@code jdbcUrl} (driver properties in {@code properties}: user, password,
     * currentSchema...), at most {@code poolSize} connections; {@link #close()} closes it.
     */
    public static HostLeases open(String jdbcUrl, Properties properties, int poolSize, Duration margin) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("trawl-leases");
        config.setDriverClassName("org.postgresql.Driver");
        config.setJdbcUrl(jdbcUrl);
        config.setDataSourceProperties(properties);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("host leases: cannot connect: " + e.getMessage(), e);
        }
        try {
            return new HostLeases(pool, pool, margin);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * One tenure of one worker on one host, as the database granted or renewed it.
     *
     * @param epoch          the host's epoch under this owner: what its claims are tagged with and its writes fenced by
     * @param grantedAt      the database's time when this lease was granted or last renewed
     * @param expiresAt      the database's time when it lapses unless renewed
     * @param nextAllowed    the database's time before which no request may start on the host (Retry-After,
     *                       Crawl-delay), or null
     * @param robots         the host's robots state as a worker recorded it ({@link #recordRobots}), or null
     * @param deadlineNanos  on {@link System#nanoTime()}: when the call was sent + TTL − margin; start no request
     *                       on the host after it unless renewed
     * @param notBeforeNanos on {@link System#nanoTime()}: {@code nextAllowed} turned into this worker's clock (the
     *                       pause still left at {@code grantedAt}, counted from when the call was sent)
     */
    public record Lease(String job, long run, String host, String worker, long epoch, Instant grantedAt,
                        Instant expiresAt, Instant nextAllowed, String robots, long deadlineNanos, long notBeforeNanos) {
        /** True once this worker's clock has passed {@link #deadlineNanos()}. */
        public boolean expiredLocally() {
            return System.nanoTime() - deadlineNanos >= 0;
        }

        /** True while the host's pause lasts, on this worker's clock. */
        public boolean paused() {
            return System.nanoTime() - notBeforeNanos < 0;
        }
    }

    /**
     * Up to {@code max} hosts of the run that have no owner or whose lease has expired (database time), now
     * {@code worker}'s for {@code ttl}, each with its epoch bumped; hosts never leased first, then those leased
     * longest ago. Rows another transaction has locked (another worker leasing, a writer's fence) are skipped.
     */
    public List<Lease> lease(String job, long run, String worker, int max, Duration ttl) {
        if (max <= 0) return List.of();
        String sql = "UPDATE " + TABLE + " SET owner = ?, epoch = epoch + 1, leased_at = clock_timestamp(),"
                + " expires_at = clock_timestamp() + ? * interval '1 millisecond'"
                + " WHERE (job, run, host) IN (SELECT job, run, host FROM " + TABLE
                + "   WHERE job = ? AND run = ? AND (owner IS NULL OR expires_at <= clock_timestamp())"
                + "   ORDER BY leased_at NULLS FIRST, host LIMIT ? FOR UPDATE SKIP LOCKED)"
                + " RETURNING " + RETURNED;
        long sent = System.nanoTime();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, worker);
            s.setLong(2, ttlMillis(ttl));
            s.setString(3, job);
            s.setLong(4, run);
            s.setInt(5, max);
            return leases(s, sent, ttl);
        } catch (SQLException e) {
            throw failed("lease", e);
        }
    }

    /** Adds the hosts to the run, unowned; those it has already are left as they are. Returns how many were new. */
    public int offer(String job, long run, Collection<String> hosts) {
        if (hosts.isEmpty()) return 0;
        // Sorted: two workers offering overlapping hosts in different orders could otherwise deadlock.
        String[] sorted = new TreeSet<>(hosts).toArray(String[]::new);
        String sql = "INSERT INTO " + TABLE + " (job, run, host) SELECT ?, ?, h FROM unnest(?::text[]) AS h"
                + " ORDER BY h ON CONFLICT DO NOTHING";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, job);
            s.setLong(2, run);
            s.setArray(3, c.createArrayOf("text", sorted));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failed("offer", e);
        }
    }

    /**
     * Extends to {@code ttl} (from now, database time) every one of {@code leases} that {@code worker} still holds,
     * that is whose host's epoch is unchanged, also one that has expired but nobody took; returns those, with new
     * expiries and local deadlines. A lease missing from the answer is lost: stop starting requests on its host and
     * let its writes be fenced.
     */
    public List<Lease> renew(String worker, Collection<Lease> leases, Duration ttl) {
        if (leases.isEmpty()) return List.of();
        String sql = "UPDATE " + TABLE + " SET expires_at = clock_timestamp() + ? * interval '1 millisecond'"
                + " WHERE owner = ? AND (job, run, host, epoch) IN"
                + "   (SELECT * FROM unnest(?::text[], ?::bigint[], ?::text[], ?::bigint[]))"
                + " RETURNING " + RETURNED;
        long sent = System.nanoTime();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, ttlMillis(ttl));
            s.setString(2, worker);
            keys(c, s, 3, leases);
            return leases(s, sent, ttl);
        } catch (SQLException e) {
            throw failed("renew", e);
        }
    }

    /**
     * Gives up those of {@code leases} that {@code worker} still holds: their hosts can be leased at once by anyone
     * (the next grant bumps the epoch). Returns how many were released; a lost lease is left alone.
     */
    public int release(String worker, Collection<Lease> leases) {
        if (leases.isEmpty()) return 0;
        String sql = "UPDATE " + TABLE + " SET owner = NULL, expires_at = NULL"
                + " WHERE owner = ? AND (job, run, host, epoch) IN"
                + "   (SELECT * FROM unnest(?::text[], ?::bigint[], ?::text[], ?::bigint[]))";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, worker);
            keys(c, s, 2, leases);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failed("release", e);
        }
    }

    /**
     * Records that no request may start on the host before {@code until} (a Retry-After given as a date), only if
     * the host's epoch is still {@code epoch}; a later pause already there is kept. True when recorded. {@code until}
     * is a wall-clock instant, compared by the next owner with database time: prefer {@link #pauseFor} for a delay.
     */
    public boolean pauseUntil(String job, long run, String host, long epoch, Instant until) {
        return pause(job, run, host, epoch, "?::timestamptz", s -> s.setObject(1, OffsetDateTime.ofInstant(until, ZoneOffset.UTC)));
    }

    /**
     * Records that no request may start on the host for {@code pause} from now in database time (Retry-After in
     * seconds, Crawl-delay), only if the host's epoch is still {@code epoch}; a later pause already there is kept.
     * True when recorded.
     */
    public boolean pauseFor(String job, long run, String host, long epoch, Duration pause) {
        return pause(job, run, host, epoch, "clock_timestamp() + ? * interval '1 millisecond'", s -> s.setLong(1, pause.toMillis()));
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private boolean pause(String job, long run, String host, long epoch, String until, Binder first) {
        return updateUnderEpoch("pause", "next_allowed = greatest(next_allowed, " + until + ")", first, job, run, host, epoch);
    }

    /** Records the host's robots state (for the next owner), only if its epoch is still {@code epoch}. True when recorded. */
    public boolean recordRobots(String job, long run, String host, long epoch, String robots) {
        return updateUnderEpoch("robots", "robots = ?", s -> s.setString(1, robots), job, run, host, epoch);
    }

    /** Sets {@code set} (its one parameter bound by {@code first}) on the host's row only if its epoch is still {@code epoch}. */
    private boolean updateUnderEpoch(String what, String set, Binder first, String job, long run, String host, long epoch) {
        String sql = "UPDATE " + TABLE + " SET " + set + " WHERE job = ? AND run = ? AND host = ? AND epoch = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            first.bind(s);
            s.setString(2, job);
            s.setLong(3, run);
            s.setString(4, host);
            s.setLong(5, epoch);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    /**
     * The fence, inside the caller's transaction on {@code c} (autocommit off): true when the host's epoch is still
     * {@code epoch}, and then its row stays locked ({@code FOR KEY SHARE}) until that transaction ends, so no worker
     * can lease the host, and change its epoch, before the caller's outcomes commit. Renewals and pauses still go
     * through. A writer commits a host's outcomes only when this is true, and in the same transaction.
     */
    public static boolean stillOwned(Connection c, String job, long run, String host, long epoch) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM " + TABLE
                + " WHERE job = ? AND run = ? AND host = ? AND epoch = ? FOR KEY SHARE")) {
            s.setString(1, job);
            s.setLong(2, run);
            s.setString(3, host);
            s.setLong(4, epoch);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * {@link #stillOwned} for a writer's batch: of {@code epochs} (host to the epoch its claims were tagged with), the
     * hosts whose epoch still matches, their rows locked until the caller's transaction ends.
     */
    public static Set<String> owned(Connection c, String job, long run, Map<String, Long> epochs) throws SQLException {
        if (epochs.isEmpty()) return Set.of();
        List<String> hosts = new ArrayList<>(new TreeSet<>(epochs.keySet())); // one lock order for every writer
        Long[] values = hosts.stream().map(epochs::get).toArray(Long[]::new);
        try (PreparedStatement s = c.prepareStatement("SELECT l.host FROM " + TABLE + " l"
                + " JOIN unnest(?::text[], ?::bigint[]) AS f(host, epoch) ON l.host = f.host AND l.epoch = f.epoch"
                + " WHERE l.job = ? AND l.run = ? ORDER BY l.host FOR KEY SHARE OF l")) {
            s.setArray(1, c.createArrayOf("text", hosts.toArray()));
            s.setArray(2, c.createArrayOf("int8", values));
            s.setString(3, job);
            s.setLong(4, run);
            Set<String> owned = new HashSet<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) owned.add(rs.getString(1));
            }
            return owned;
        }
    }

    /** Closes the pool {@link #open} made; nothing for a caller's data source. */
    @Override
    public void close() {
        if (ownPool != null) ownPool.close();
    }

    private static final String RETURNED = "job, run, host, owner, epoch, clock_timestamp(), expires_at, next_allowed, robots";

    private List<Lease> leases(PreparedStatement s, long sent, Duration ttl) throws SQLException {
        long deadline = sent + ttl.toNanos() - margin.toNanos();
        List<Lease> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Instant now = instant(rs, 6);
                Instant next = instant(rs, 8);
                long pause = next == null || !next.isAfter(now) ? 0 : Duration.between(now, next).toNanos();
                out.add(new Lease(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        now, instant(rs, 7), next, rs.getString(9), deadline, sent + pause));
            }
        }
        return out;
    }

    private static void keys(Connection c, PreparedStatement s, int from, Collection<Lease> leases) throws SQLException {
        List<Lease> list = List.copyOf(leases);
        s.setArray(from, c.createArrayOf("text", list.stream().map(Lease::job).toArray()));
        s.setArray(from + 1, c.createArrayOf("int8", list.stream().map(Lease::run).toArray()));
        s.setArray(from + 2, c.createArrayOf("text", list.stream().map(Lease::host).toArray()));
        s.setArray(from + 3, c.createArrayOf("int8", list.stream().map(Lease::epoch).toArray()));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private long ttlMillis(Duration ttl) {
        if (ttl.compareTo(margin) <= 0) {
            throw new IllegalArgumentException("ttl " + ttl + " not longer than the margin " + margin);
        }
        return ttl.toMillis();
    }

    private static StoreException failed(String what, SQLException e) {
        return new StoreException("host leases: " + what + ": " + e.getMessage(), e);
    }

    private void createTable() {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // IF NOT EXISTS is not safe against a concurrent CREATE: take turns, as the store does.
                s.execute("SELECT pg_advisory_xact_lock(" + CREATE_LOCK + ")");
                boolean exists;
                try (ResultSet rs = s.executeQuery("SELECT to_regclass('" + TABLE + "') IS NOT NULL")) {
                    rs.next();
                    exists = rs.getBoolean(1);
                }
                if (!exists) {
                    // Heartbeats rewrite rows all day: room on each page for HOT updates (expires_at is in no index),
                    // and vacuum early rather than at 20 % dead rows.
                    s.execute("CREATE TABLE " + TABLE + " ("
                            + " job text NOT NULL, run bigint NOT NULL, host text NOT NULL,"
                            + " owner text, epoch bigint NOT NULL DEFAULT 0,"
                            + " leased_at timestamptz, expires_at timestamptz, next_allowed timestamptz, robots text,"
                            + " PRIMARY KEY (job, run, host))"
                            + " WITH (fillfactor = 50, autovacuum_vacuum_scale_factor = 0.02,"
                            + " autovacuum_vacuum_threshold = 200, autovacuum_analyze_scale_factor = 0.05)");
                    s.execute("CREATE INDEX " + TABLE + "_by_lease ON " + TABLE + " (job, run, leased_at NULLS FIRST, host)");
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw failed("create table " + TABLE, e);
        }
    }
}
