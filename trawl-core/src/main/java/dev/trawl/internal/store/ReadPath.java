package dev.trawl.internal.store;

import dev.trawl.store.ProductChange;
import dev.trawl.store.Run;
import dev.trawl.store.RunCounts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The read side of a JDBC store: runs, counts, product lines and diffs, on a read connection (also while a crawl writes). */
final class ReadPath {
    private final StoreSchema.Dialect dialect;

    ReadPath(StoreSchema.Dialect dialect) {
        this.dialect = dialect;
    }

    List<Run> runs(Connection c) throws SQLException {
        List<Run> runs = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, job, started_at, finished_at, seeds_read FROM runs ORDER BY id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                runs.add(run(rs, false));
            }
        }
        return runs;
    }

    static Run run(ResultSet rs, boolean resumed) throws SQLException {
        long finished = rs.getLong(4);
        boolean unfinished = rs.wasNull();
        return new Run(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                unfinished ? null : Instant.ofEpochMilli(finished), rs.getInt(5) == 1, resumed && unfinished);
    }

    RunCounts counts(Connection c, long run) throws SQLException {
        Map<RowState, Long> states = new EnumMap<>(RowState.class);
        long unchanged = 0;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT state, count(*), sum(unchanged) FROM requests WHERE run_id = ? GROUP BY state")) {
            s.setLong(1, run);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    states.put(RowState.of(rs.getInt(1)), rs.getLong(2));
                    unchanged += rs.getLong(3);
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM products WHERE run_id = ?")) {
            s.setLong(1, run);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new RunCounts(states.getOrDefault(RowState.PENDING, 0L), states.getOrDefault(RowState.DONE, 0L),
                        states.getOrDefault(RowState.FAILED, 0L), unchanged, rs.getLong(1));
            }
        }
    }

    void productLines(Connection c, long run, Consumer<String> line) throws SQLException {
        // Each product once, as a crawl's own output writes it (ProductKey): the first page's record of it.
        try (PreparedStatement s = c.prepareStatement("SELECT p.line FROM products p WHERE p.run_id = ? AND NOT EXISTS (SELECT 1 FROM"
                + " products q WHERE q.run_id = p.run_id AND q.site = p.site AND q.item_key = p.item_key AND (q.request_id < p.request_id"
                + " OR q.request_id = p.request_id AND q.ordinal < p.ordinal)) ORDER BY p.request_id, p.ordinal")) {
            s.setFetchSize(1000);
            s.setLong(1, run);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    line.accept(rs.getString(1));
                }
            }
        }
    }

    void diff(Connection c, long from, long to, Consumer<ProductChange> change) throws SQLException {
        String binary = dialect.binaryCollation();
        String sql = "SELECT site, item_key, name, price, currency, availability FROM products WHERE run_id = ?"
                + " ORDER BY site" + binary + ", item_key" + binary + ", request_id, ordinal";
        try (PreparedStatement a = c.prepareStatement(sql); PreparedStatement b = c.prepareStatement(sql)) {
            a.setFetchSize(1000);
            b.setFetchSize(1000);
            a.setLong(1, from);
            b.setLong(1, to);
            try (ResultSet older = a.executeQuery(); ResultSet newer = b.executeQuery()) {
                RunDiff.merge(new RunDiff.Items(older), new RunDiff.Items(newer), change);
            }
        }
    }
}
