package dev.trawl.postgres;

import dev.trawl.internal.store.StoreSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The store's tables ({@link StoreSchema}) in PostgreSQL. Created in the connection's current
 * schema when absent; several processes opening one new database at once create it once, one after the other.
 */
final class PostgresSchema {
    /** The advisory lock key that serializes schema creation ("trawl" in ASCII, then a 1). */
    private static final long CREATE_LOCK = 0x747261776C0001L;

    private PostgresSchema() {}

    /** Creates what is missing, in one transaction; {@code c} has autocommit off. */
    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            // CREATE ... IF NOT EXISTS is not safe against a concurrent CREATE: take turns.
            s.execute("SELECT pg_advisory_xact_lock(" + CREATE_LOCK + ")");
            // Not even IF NOT EXISTS on a store in use: CREATE INDEX locks its table against other jobs' writers first.
            if (!exists(c)) {
                for (String ddl : StoreSchema.ddl(StoreSchema.Dialect.POSTGRES)) {
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
                        + " AND table_name IN ('" + String.join("', '", StoreSchema.TABLE_NAMES) + "')")) {
            rs.next();
            return rs.getInt(1) == StoreSchema.TABLE_NAMES.size();
        }
    }
}
