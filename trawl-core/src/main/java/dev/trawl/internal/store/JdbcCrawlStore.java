package dev.trawl.internal.store;

import dev.trawl.internal.frontier.Lane;
import dev.trawl.internal.frontier.Pending;
import dev.trawl.store.ProductChange;
import dev.trawl.store.Run;
import dev.trawl.store.RunCounts;
import dev.trawl.store.StoreException;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * A crawl store over JDBC: the SQL both embedded and server databases understand, the tables of
 * {@link StoreSchema}. A subclass supplies the connections. Writes (the crawl's, on its writer
 * thread) go through a {@link WritePath} on the write connection; exports and diffs through a
 * {@link ReadPath} on read connections.
 */
public abstract class JdbcCrawlStore implements StoreBackend {
    /** A reason is one line of a message to a user, not a dump of the statement. */
    private static final int MAX_REASON = 300;

    private final WritePath writes = new WritePath();
    private final ReadPath reads;

    protected JdbcCrawlStore(StoreSchema.Dialect dialect) {
        this.reads = new ReadPath(dialect);
    }

    /** The connection writes and frontier reads go through (autocommit off); called on the store writer only. */
    protected abstract Connection writeConnection() throws SQLException;

    /** A connection for exports and diffs, which may run while a crawl writes. */
    protected abstract Connection readConnection() throws SQLException;

    /** Gives back a connection from {@link #readConnection()}. */
    protected abstract void release(Connection connection) throws SQLException;

    @Override
    public Run begin(String job) {
        return write(c -> writes.begin(c, job));
    }

    @Override
    public int commit(StoreBatch batch) {
        return write(c -> writes.commit(c, batch));
    }

    @Override
    public long unfinished(long run) {
        return write(c -> writes.unfinished(c, run));
    }

    @Override
    public List<Pending> pending(long run, Lane lane, long afterId, int limit) {
        return write(c -> writes.pending(c, run, lane, afterId, limit));
    }

    @Override
    public List<Run> runs() {
        return read(reads::runs);
    }

    @Override
    public RunCounts counts(long run) {
        return read(c -> reads.counts(c, run));
    }

    @Override
    public void productLines(long run, Consumer<String> line) {
        read(c -> {
            reads.productLines(c, run, line);
            return null;
        });
    }

    @Override
    public void diff(long from, long to, Consumer<ProductChange> change) {
        read(c -> {
            reads.diff(c, from, to, change);
            return null;
        });
    }

    /** Work on the write connection, turning SQL errors into {@link StoreException}s naming the store. */
    protected final <T> T write(SqlWork<T> work) {
        try {
            Connection c = writeConnection();
            try {
                T value = work.run(c);
                c.commit();
                return value;
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(describe() + ": " + reason(e), e);
        }
    }

    /** Rolls back after {@code failure}; a rollback that fails too (SQLite ends the transaction itself when the disk is full) must not hide it. */
    private static void rollback(Connection c, Exception failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** Work on a read connection, turning SQL errors into {@link StoreException}s naming the store. */
    protected final <T> T read(SqlWork<T> work) {
        try {
            Connection c = readConnection();
            try {
                return work.run(c);
            } finally {
                release(c);
            }
        } catch (SQLException e) {
            throw new StoreException(describe() + ": " + reason(e), e);
        }
    }

    /** What went wrong, in a line: a full disk said as such, else the error's first line. */
    static String reason(SQLException failure) {
        // A batch's own message quotes the statement with its data; the server's reason is the next exception.
        SQLException e = failure;
        while (e instanceof BatchUpdateException && e.getNextException() != null) {
            e = e.getNextException();
        }
        // SQLite's SQLITE_FULL is error code 13; PostgreSQL's disk_full is SQLSTATE 53100.
        boolean full = e.getErrorCode() == 13 && String.valueOf(e.getMessage()).contains("SQLITE_FULL") || "53100".equals(e.getSQLState());
        return full ? "disk full (" + firstLine(e) + ")" : firstLine(e);
    }

    /** The error's first line: a server's message goes on with details (PostgreSQL's "Position: 15") that the cause keeps. */
    private static String firstLine(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        String line = (end < 0 ? message : message.substring(0, end)).strip();
        return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON) + "...";
    }

    /** A piece of SQL work. */
    @FunctionalInterface
    protected interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    }
