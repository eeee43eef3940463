package dev.trawl.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's tables in PostgreSQL: the columns and indexes of the SQLite store's, with 64-bit ids and times
 * (epoch milliseconds), and prices as text like every money value in trawl. Created in the connection's current
 * schema when absent; several processes opening one new database at once create it once, one after the other.
 */
final class PostgresSchema {
    /** The advisory lock key that serializes schema creation ("trawl" in ASCII, then a 1). */
    private static final long CREATE_LOCK = 0x747261776C0001L;

    private static final List<String> DDL = List.of(
            """
            CREATE TABLE IF NOT EXISTS runs (
              id BIGSERIAL PRIMARY KEY, job TEXT NOT NULL, started_at BIGINT NOT NULL, finished_at BIGINT,
              seeds_read INTEGER NOT NULL DEFAULT 0)""",
            """
            CREATE TABLE IF NOT EXISTS requests (
              id BIGSERIAL PRIMARY KEY, run_id BIGINT NOT NULL, key TEXT NOT NULL, url TEXT NOT NULL, source TEXT,
              kind TEXT NOT NULL, depth INTEGER NOT NULL, lane INTEGER NOT NULL, state INTEGER NOT NULL,
              attempts INTEGER NOT NULL, next_attempt_at BIGINT NOT NULL, status INTEGER, reason TEXT, detail TEXT,
              bytes BIGINT, elapsed_ms BIGINT, final_url TEXT, products INTEGER, etag TEXT, last_modified TEXT,
              unchanged INTEGER NOT NULL DEFAULT 0, ended_at BIGINT, UNIQUE (run_id, key))""",
            "CREATE INDEX IF NOT EXISTS requests_pending ON requests (run_id, lane, state, id)",
            """
            CREATE TABLE IF NOT EXISTS products (
              request_id BIGINT NOT NULL, ordinal INTEGER NOT NULL, run_id BIGINT NOT NULL, site TEXT NOT NULL,
              item_key TEXT NOT NULL, name TEXT, sku TEXT, price TEXT, currency TEXT, availability TEXT, line TEXT NOT NULL,
              PRIMARY KEY (request_id, ordinal))""",
            // In code-point order ("C"), the order a diff reads them in, whatever the database's collation.
            "CREATE INDEX IF NOT EXISTS products_item ON products (run_id, site COLLATE \"C\", item_key COLLATE \"C\")");

    private PostgresSchema() {}

    /** Creates what is missing, in one transaction; {@code c} has autocommit off. */
    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            // CREATE ... IF NOT EXISTS is not safe against a concurrent CREATE: take turns.
            s.execute("SELECT pg_advisory_xact_lock(" + CREATE_LOCK + ")");
            // Not even IF NOT EXISTS on a store in use: CREATE INDEX locks its table against other jobs' writers first.
            if (!exists(c)) {
                for (String ddl : DDL) {
                    s.execute(ddl);
                }
            }
        }
        c.commit();
    }

    /** True when the connection's current schema has the store's tables. */
    static boolean exists(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"
                        + " AND table_name IN ('runs', 'requests', 'products')")) {
            rs.next();
            return rs.getInt(1) == 3;
        }
    }
}
