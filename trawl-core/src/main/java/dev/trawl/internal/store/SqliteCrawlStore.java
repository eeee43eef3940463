package dev.trawl.internal.store;

import dev.trawl.store.StoreException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * The embedded crawl store: one SQLite file in WAL mode, so readers (an export, a diff) never
 * wait for the crawl's writer. The writer's connection opens on first use, on the thread that
 * uses it: the store writer, a platform thread, since SQLite's driver is native code.
 */
public final class SqliteCrawlStore extends JdbcCrawlStore {
    private final Path file;
    private final StoreLock lock;
    private final boolean writable;
    private Connection writer;

    private SqliteCrawlStore(Path file, StoreLock lock, boolean writable) {
        super(StoreSchema.Dialect.SQLITE);
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
                for (String ddl : StoreSchema.ddl(StoreSchema.Dialect.SQLITE)) {
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
