package dev.trawl.postgres;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the crawl store will lean on, against the real server TestPostgres starts. */
class PostgresSmokeTest {

    @Test
    void poolUpsertCopyAndAdvisoryLock() throws Exception {
        try (HikariDataSource pool = TestPostgres.get().newPool();
             Connection c = pool.getConnection();
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE smoke_pages (url text PRIMARY KEY, status int NOT NULL)");
            assertEquals(2, upsert(c, "https://a.test/1", "https://a.test/2"));
            assertEquals(1, upsert(c, "https://a.test/2", "https://a.test/3"), "the row already there is left alone");

            long copied = c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY smoke_pages (url, status) FROM STDIN (FORMAT csv)",
                    new StringReader("https://b.test/1,404\nhttps://b.test/2,200\n"));
            assertEquals(2, copied);
            assertEquals(5, count(s, "SELECT count(*) FROM smoke_pages"));
            assertEquals(1, count(s, "SELECT count(*) FROM smoke_pages WHERE status = 404"));

            try (Connection other = pool.getConnection()) {
                assertTrue(tryLock(c, 42));
                assertFalse(tryLock(other, 42), "a second session does not get a lock the first holds");
                unlock(c, 42);
                assertTrue(tryLock(other, 42));
                unlock(other, 42); // session-level: it would outlive the connection's return to the pool
            }
            s.execute("DROP TABLE smoke_pages");
        }
    }

    @Test
    void serverIsSetUpForThrowawayData() throws SQLException {
        try (HikariDataSource pool = TestPostgres.get().newPool();
             Connection c = pool.getConnection();
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SHOW fsync")) {
            assertTrue(r.next());
            assertEquals("off", r.getString(1));
        }
    }

    private static int upsert(Connection c, String... urls) throws SQLException {
        String sql = "INSERT INTO smoke_pages (url, status) VALUES "
                + String.join(", ", Collections.nCopies(urls.length, "(?, 200)"))
                + " ON CONFLICT (url) DO NOTHING";
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            for (int i = 0; i < urls.length; i++) insert.setString(i + 1, urls[i]);
            return insert.executeUpdate();
        }
    }

    private static boolean tryLock(Connection c, long key) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            p.setLong(1, key);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection c, long key) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            p.setLong(1, key);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                assertTrue(r.getBoolean(1));
            }
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
