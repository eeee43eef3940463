package dev.trawl.postgres;

import dev.trawl.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * Which jobs this store crawls, against every other process on the same database: a session-level advisory lock
 * per job (a 64-bit hash of the schema and the job's name), held on the store's write connection from
 * {@code begin(job)} until the job's run finishes or the store closes. The server drops it when the session ends,
 * also when the process is killed, so a crash never leaves a job locked; a second process on the job is refused
 * with the holder's name. Different jobs never wait for each other.
 */
final class JobLocks {
    /** The seed of the job's hash, so that trawl's keys stay apart from those of other users of advisory locks. */
    private static final long SEED = 0x747261776CL;

    private final String store;
    private final Set<String> held = new HashSet<>();

    JobLocks(String store) {
        this.store = store;
    }

    /** Takes {@code job}'s lock on {@code c} unless this store has it already. */
    void acquire(Connection c, String job) throws SQLException {
        if (held.contains(job)) {
            return;
        }
        long key = key(c, job);
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            s.setLong(1, key);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    String holder = holder(c, key);
                    throw new StoreException(store + ": job '" + job + "' is being crawled by another trawl process"
                            + (holder == null ? "" : " (" + holder + ")") + ": wait for it to end, or use another job");
                }
            }
        }
        held.add(job);
    }

    /** Lets another process take {@code job}; nothing when this store does not hold it. */
    void release(Connection c, String job) throws SQLException {
        if (!held.remove(job)) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            s.setLong(1, key(c, job));
            s.executeQuery().close();
        }
    }

    /** Every job's lock, before the connection goes back to a pool (which keeps the session, and so the locks). */
    void releaseAll(Connection c) throws SQLException {
        held.clear();
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_unlock_all()")) {
            s.executeQuery().close();
        }
    }

    private static long key(Connection c, String job) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT hashtextextended(coalesce(current_schema(), '') || ' ' || ?, ?)")) {
            s.setString(1, job);
            s.setLong(2, SEED);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The holder's application name (trawl's says its pid and host), else its server process id; null when gone. */
    private static String holder(Connection c, long key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT l.pid, a.application_name FROM pg_locks l"
                + " LEFT JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
                + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " AND l.classid::bigint = ? AND l.objid::bigint = ?")) {
            s.setLong(1, key >>> 32);
            s.setLong(2, key & 0xFFFF_FFFFL);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String name = rs.getString(2);
                return name != null && !name.isBlank() ? name : "server process " + rs.getInt(1);
            }
        }
    }
}
