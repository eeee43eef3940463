package dev.trawl.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.trawl.internal.store.JdbcCrawlStore;
import dev.trawl.internal.store.StoreSchema;
import dev.trawl.store.Run;
import dev.trawl.internal.store.StoreBatch;
import dev.trawl.store.StoreException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * A crawl store in a PostgreSQL database (its connection's current schema), shared by any number of trawl
 * processes: each crawls its own job ({@link #begin(String)}) and writes its batches in one transaction each,
 * through one connection kept for the store's life; exports, diffs and counts read through a small pool
 * (HikariCP) and never wait for a crawl. Two processes on the same job are refused (see {@link JobLocks}),
 * the way an SQLite store refuses a second process on its file. The tables are created on open when absent.
 *
 * <p>Inserts go to the server as multi-row statements ({@code reWriteBatchedInserts}). Every SQL statement
 * but the schema's is {@link JdbcCrawlStore}'s, shared with the SQLite store.
 */
public final class PostgresCrawlStore extends JdbcCrawlStore {
    private static final int POOL_SIZE = 4;

    private final DataSource dataSource;
    private final HikariDataSource ownPool;
    private final String description;
    private final boolean writable;
    private final JobLocks locks;
    private final Map<Long, String> jobs = new ConcurrentHashMap<>();
    private Connection writer;

    private PostgresCrawlStore(DataSource dataSource, HikariDataSource ownPool, String description, boolean writable) {
        super(StoreSchema.Dialect.POSTGRES);
        this.dataSource = dataSource;
        this.ownPool = ownPool;
        this.description = description;
        this.writable = writable;
        this.locks = new JobLocks(description);
    }

    /**
     * A store to crawl into at {@code url}: {@code jdbc:postgresql://host:port/db?user=..&password=..} or
     * {@code postgresql://user:password@host:port/db}; add {@code currentSchema=name} to keep it in a schema of its
     * own. Creates the tables when absent.
     *
     * @throws StoreException when the URL is bad, the server cannot be reached, or the tables cannot be created
     */
    public static PostgresCrawlStore open(String url) {
        return open(PostgresUrl.parse(url), true);
    }

    /**
     * As {@link #open(String)}, the password read from the first line of {@code passwordFile}
     * (keep passwords out of command lines: {@code ps} shows them). Without one, a URL with no
     * password takes it from {@code PGPASSWORD}, else {@code PGPASSFILE} or {@code ~/.pgpass}, as libpq does.
     */
    public static PostgresCrawlStore open(String url, Path passwordFile) {
        return open(PostgresUrl.parse(url).withPassword(password(passwordFile)), true);
    }

    /** As {@link #openReadOnly(String)}, the password from {@code passwordFile}'s first line. */
    public static PostgresCrawlStore openReadOnly(String url, Path passwordFile) {
        return open(PostgresUrl.parse(url).withPassword(password(passwordFile)), false);
    }

    private static String password(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || lines.getFirst().isEmpty()) {
                throw new StoreException("password file " + file + " is empty");
            }
            return lines.getFirst();
        } catch (IOException e) {
            throw new StoreException("cannot read the password file " + file + ": " + e.getMessage(), e);
        }
    }

    /** As {@link #open(String)}, with the credentials apart from the URL. */
    public static PostgresCrawlStore open(String jdbcUrl, String user, String password) {
        return open(new PostgresUrl(PostgresUrl.parse(jdbcUrl).jdbcUrl(), user, password), true);
    }

    /**
     * An existing store opened to read (runs, exports, diffs), also while crawls write to it.
     *
     * @throws StoreException when the URL is bad, the server cannot be reached, or there is no store there
     */
    public static PostgresCrawlStore openReadOnly(String url) {
        return open(PostgresUrl.parse(url), false);
    }

    /**
     * A store to crawl into through connections of {@code dataSource}, which the caller configures and closes
     * ({@code reWriteBatchedInserts=true} makes batches faster); {@code description} names it in messages.
     */
    public static PostgresCrawlStore open(DataSource dataSource, String description) {
        return ready(new PostgresCrawlStore(dataSource, null, description, true));
    }

    /** True when {@code location} is a PostgreSQL URL rather than a file name. */
    public static boolean isUrl(String location) {
        return PostgresUrl.looksLike(location);
    }

    private static PostgresCrawlStore open(PostgresUrl url, boolean writable) {
        String description = url.describe();
        HikariConfig config = new HikariConfig();
        config.setPoolName("trawl-store");
        config.setDriverClassName("org.postgresql.Driver");
        config.setJdbcUrl(url.jdbcUrl());
        if (url.user() != null) {
            config.setUsername(url.user());
        }
        String password = PgPassword.find(url, System.getenv(), Path.of(System.getProperty("user.home")));
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        // Shown in pg_stat_activity, and in the message that refuses a second process on a job.
        config.addDataSourceProperty("ApplicationName", "trawl pid " + ProcessHandle.current().pid() + " on " + hostName());
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException(description + ": cannot connect: " + rootMessage(e), e);
        }
        try {
            return ready(new PostgresCrawlStore(pool, pool, description, writable));
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** Creates the tables (a writable store) or checks they are there (a read-only one). */
    private static PostgresCrawlStore ready(PostgresCrawlStore store) {
        try (Connection c = store.dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (store.writable) {
                    PostgresSchema.create(c);
                } else if (!PostgresSchema.exists(c)) {
                    throw new StoreException(store.description + ": no crawl store there (no runs, requests and products tables)");
                }
            } finally {
                c.rollback();
            }
            return store;
        } catch (SQLException e) {
            throw new StoreException(store.description + ": " + rootMessage(e), e);
        }
    }

    @Override
    public String describe() {
        return description;
    }

    /** The job's run, once this store holds the job: a second process on it is refused. */
    @Override
    public Run begin(String job) {
        write(c -> {
            locks.acquire(c, job);
            return null;
        });
        Run run = super.begin(job);
        jobs.put(run.id(), job);
        return run;
    }

    /** Commits the batch; once its run has finished, another process may take the job. */
    @Override
    public int commit(StoreBatch batch) {
        int added = super.commit(batch);
        String job = batch.finished() ? jobs.remove(batch.run()) : null;
        if (job != null) {
            write(c -> {
                locks.release(c, job);
                return null;
            });
        }
        return added;
    }

    @Override
    protected Connection writeConnection() throws SQLException {
        if (!writable) {
            throw new SQLException("opened read-only");
        }
        if (writer == null) {
            writer = dataSource.getConnection();
            writer.setAutoCommit(false);
        }
        return writer;
    }

    /** A read-only transaction, so that exports and diffs stream through cursors rather than load whole results. */
    @Override
    protected Connection readConnection() throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        c.setReadOnly(true);
        return c;
    }

    @Override
    protected void release(Connection connection) throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }

    @Override
    public void close() {
        try {
            if (writer != null) {
                try {
                    writer.rollback();
                    locks.releaseAll(writer);
                    writer.commit();
                } finally {
                    writer.close();
                }
            }
        } catch (SQLException e) {
            // The server is gone or the session broken: either way the session, and its locks, end with the pool.
        } finally {
            writer = null;
            if (ownPool != null) {
                ownPool.close();
            }
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    /** The driver's own words ("Connection to host:5432 refused ..."): the first SQL error's message, else the innermost cause's. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (!(t instanceof SQLException) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }
}
