package dev.trawl.internal.store;

import dev.trawl.store.StoreException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * The embedded crawl store: one SQLite file in WAL mode, so readers (an export, a diff) never
 * wait for the crawl's writer. The writer's connection opens on first use, on the thread that
 * uses it: the store writer, a platform thread, since SQLite's driver is native code.
 */
public final class SqliteCrawlStore extends JdbcCrawlStore {
    private static final List<String> SCHEMA = List.of(
            """
            CREATE TABLE IF NOT EXISTS runs (
              id INTEGER PRIMARY KEY, job TEXT NOT NULL, started_at INTEGER NOT NULL, finished_at INTEGER,
              seeds_read INTEGER NOT NULL DEFAULT 0)""",
            """
            CREATE TABLE IF NOT EXISTS requests (
              id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL, key TEXT NOT NULL, url TEXT NOT NULL, source TEXT,
              kind TEXT NOT NULL, depth INTEGER NOT NULL, lane INTEGER NOT NULL, state INTEGER NOT NULL,
              attempts INTEGER NOT NULL, next_attempt_at INTEGER NOT NULL, status INTEGER, reason TEXT, detail TEXT,
              bytes INTEGER, elapsed_ms INTEGER, final_url TEXT, products INTEGER, etag TEXT, last_modified TEXT,
              unchanged INTEGER NOT NULL DEFAULT 0, ended_at INTEGER, UNIQUE (run_id, key))""",
            "CREATE INDEX IF NOT EXISTS requests_pending ON requests (run_id, lane, state, id)",
            """
            CREATE TABLE IF NOT EXISTS products (
              request_id INTEGER NOT NULL, ordinal INTEGER NOT NULL, run_id INTEGER NOT NULL, site TEXT NOT NULL,
              item_key TEXT NOT NULL, name TEXT, sku TEXT, price TEXT, currency TEXT, availability TEXT, line TEXT NOT NULL,
              PRIMARY KEY (request_id, ordinal))""",
            "CREATE INDEX IF NOT EXISTS products_item ON products (run_id, site, item_key)");

    private final Path file;
    private final StoreLock lock;
    private final boolean writable;
    private Connection writer;

    private SqliteCrawlStore(Path file, StoreLock lock, boolean writable) {
        this.file = file;
        this.lock = lock;
        this.writable = writable;
    }

    public static SqliteCrawlStore open(Path file, boolean writable) {
        if (!writable && !Files.isRegularFile(file)) {
            throw new StoreException(file + ": no such store");
        }
        if (writable && file.toAbsolutePath().getParent() != null) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
            } catch (java.io.IOException e) {
                throw new StoreException("cannot create " + file + ": " + e.getMessage(), e);
            }
        }
        return new SqliteCrawlStore(file, writable ? StoreLock.acquire(file) : null, writable);
    }

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    protected Connection writeConnection() throws SQLException {
        if (!writable) {
            throw new SQLException("opened read-only");
        }
        if (writer == null) {
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            // NORMAL in WAL mode: a commit survives the process being killed (the OS has it);
            // only a power cut can lose the last transactions, never corrupt the file.
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            config.setBusyTimeout(10_000);
            writer = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = writer.createStatement()) {
                for (String ddl : SCHEMA) {
                    s.execute(ddl);
                }
            }
            writer.setAutoCommit(false);
        }
        return writer;
    }

    @Override
    protected Connection readConnection() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    @Override
    protected void release(Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public void close() {
        try {
            if (writer != null) {
                writer.close();
            }
        } catch (SQLException e) {
            throw new StoreException(file + ": " + e.getMessage(), e);
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }
}
