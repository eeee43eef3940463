package dev.trawl.internal.store;

import dev.trawl.crawl.CrawlResult;
import dev.trawl.crawl.FailureReason;
import dev.trawl.crawl.Outcome;
import dev.trawl.extract.Product;
import dev.trawl.fetch.Validators;
import dev.trawl.internal.frontier.CrawlRequest;
import dev.trawl.internal.frontier.Lane;
import dev.trawl.internal.frontier.Pending;
import dev.trawl.internal.frontier.RequestKind;
import dev.trawl.internal.output.ProductKey;
import dev.trawl.internal.output.ProductLines;
import dev.trawl.internal.runtime.Ticks;
import dev.trawl.store.Run;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The crawl's side of a JDBC store, on the store writer's connection only: begin a run, commit a
 * batch (its statements prepared once per batch), read the frontier's next rows.
 */
final class WritePath {
    private static final String INSERT_REQUEST = "INSERT INTO requests (run_id, key, url, source, kind, depth, lane, state, attempts,"
            + " next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, " + RowState.PENDING.code + ", 0, 0) ON CONFLICT (run_id, key) DO NOTHING";
    private static final String ROW_STATE = "SELECT id, state FROM requests WHERE run_id = ? AND key = ?";
    private static final String END_REQUEST = "UPDATE requests SET state = ?, attempts = ?, status = ?, reason = ?, detail = ?,"
            + " bytes = ?, elapsed_ms = ?, final_url = ?, products = ?, etag = ?, last_modified = ?, unchanged = ?, ended_at = ?"
            + " WHERE id = ?";
    private static final String INSERT_PRODUCT = "INSERT INTO products (request_id, ordinal, run_id, site, item_key, name, sku,"
            + " price, currency, availability, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String COPY_PRODUCTS = "INSERT INTO products (request_id, ordinal, run_id, site, item_key, name, sku,"
            + " price, currency, availability, line) SELECT ?, p.ordinal, ?, p.site, p.item_key, p.name, p.sku, p.price, p.currency,"
            + " p.availability, p.line FROM products p JOIN requests r ON r.id = p.request_id WHERE r.run_id = ? AND r.key = ?";
    private static final String RETRY = "UPDATE requests SET attempts = ?, next_attempt_at = ? WHERE run_id = ? AND key = ? AND state = "
            + RowState.PENDING.code;

    /** The last finished run of each run's job, whose validators a re-crawl sends. */
    private final Map<Long, Long> previous = new ConcurrentHashMap<>();

    Run begin(Connection c, String job) throws SQLException {
        Run last = null;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, job, started_at, finished_at, seeds_read FROM runs WHERE job = ? ORDER BY id DESC LIMIT 1")) {
            s.setString(1, job);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    last = ReadPath.run(rs, true);
                }
            }
        }
        Run run = last != null && !last.finished() ? last : newRun(c, job);
        try (PreparedStatement s = c.prepareStatement(
                "SELECT max(id) FROM runs WHERE job = ? AND id < ? AND finished_at IS NOT NULL")) {
            s.setString(1, job);
            s.setLong(2, run.id());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                previous.put(run.id(), rs.getLong(1));
            }
        }
        return run;
    }

    private Run newRun(Connection c, String job) throws SQLException {
        long now = System.currentTimeMillis();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO runs (job, started_at, seeds_read) VALUES (?, ?, 0)")) {
            s.setString(1, job);
            s.setLong(2, now);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT max(id) FROM runs WHERE job = ?")) {
            s.setString(1, job);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new Run(rs.getLong(1), job, Instant.ofEpochMilli(now), null, false, false);
            }
        }
    }

    /** Returns how many of the batch's inserts were new requests, site seeds aside. */
    int commit(Connection c, StoreBatch batch) throws SQLException {
        int added;
        try (BatchStatements statements = new BatchStatements(c)) {
            added = insert(statements, batch);
            for (StoreBatch.Ended e : batch.ended()) {
                end(statements, batch.run(), e);
            }
            retry(statements, batch);
        }
        if (batch.seedsRead()) {
            try (PreparedStatement s = c.prepareStatement("UPDATE runs SET seeds_read = 1 WHERE id = ?")) {
                s.setLong(1, batch.run());
                s.executeUpdate();
            }
        }
        if (batch.finished()) {
            try (PreparedStatement s = c.prepareStatement("UPDATE runs SET finished_at = ? WHERE id = ?")) {
                s.setLong(1, System.currentTimeMillis());
                s.setLong(2, batch.run());
                s.executeUpdate();
            }
        }
        return added;
    }

    long unfinished(Connection c, long run) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM requests WHERE run_id = ? AND state = "
                + RowState.PENDING.code + " AND kind <> '" + RequestKind.SITE.name() + "'")) {
            s.setLong(1, run);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private int insert(BatchStatements statements, StoreBatch batch) throws SQLException {
        if (batch.inserts().isEmpty()) {
            return 0;
        }
        PreparedStatement s = statements.get(INSERT_REQUEST);
        for (StoreBatch.Insert i : batch.inserts()) {
            CrawlRequest r = i.request();
            s.setLong(1, batch.run());
            s.setString(2, i.key());
            s.setString(3, r.seedUrl().toString());
            s.setString(4, r.source());
            s.setString(5, r.kind().name());
            s.setInt(6, r.depth());
            s.setInt(7, Lane.of(r.kind()).ordinal());
            s.addBatch();
        }
        int[] counts = s.executeBatch();
        int added = 0;
        for (int i = 0; i < counts.length && i < batch.inserts().size(); i++) {
            // A repeat of a key is dropped by ON CONFLICT and counts 0; a driver that cannot tell counts it added.
            if (counts[i] != 0 && batch.inserts().get(i).request().kind() != RequestKind.SITE) {
                added++;
            }
        }
        return added;
    }

    private void end(BatchStatements statements, long run, StoreBatch.Ended e) throws SQLException {
        Outcome outcome = e.result().outcome();
        if (outcome instanceof Outcome.Failed f && f.reason() == FailureReason.CANCELLED) {
            return; // stopped, not ended: the request stays pending and a resumed run fetches it
        }
        long id = pendingId(statements, run, e);
        if (id < 0) {
            return; // ended before: its products are in already
        }
        boolean unchanged = outcome instanceof Outcome.Done d && d.status() == 304;
        int products = unchanged ? copyProducts(statements, run, id, e.key()) : insertProducts(statements, run, id, e);
        PreparedStatement s = statements.get(END_REQUEST);
        Validators v = e.validators() == null ? Validators.NONE : e.validators();
        switch (outcome) {
            case Outcome.Done d -> {
                s.setInt(1, RowState.DONE.code);
                s.setInt(3, d.status());
                s.setNull(4, Types.VARCHAR);
                s.setNull(5, Types.VARCHAR);
                s.setLong(6, d.bytes());
                s.setLong(7, d.elapsed().toMillis());
                s.setString(8, d.finalUrl() == null ? null : d.finalUrl().toString());
            }
            case Outcome.Failed f -> {
                s.setInt(1, RowState.FAILED.code);
                s.setInt(3, f.status());
                s.setString(4, f.reason().code());
                s.setString(5, f.detail());
                s.setNull(6, Types.BIGINT);
                s.setNull(7, Types.BIGINT);
                s.setNull(8, Types.VARCHAR);
            }
        }
        s.setInt(2, outcome.attempts());
        s.setInt(9, products);
        s.setString(10, v.etag());
        s.setString(11, v.lastModified());
        s.setInt(12, unchanged ? 1 : 0);
        s.setLong(13, e.result().fetchedAt().toEpochMilli());
        s.setLong(14, id);
        s.executeUpdate();
    }

    /** The id of the ended request's row while it is pending; -1 when it has ended already. */
    private long pendingId(BatchStatements statements, long run, StoreBatch.Ended e) throws SQLException {
        if (e.request() == null) {
            // A seed that never became a request still gets its one row and outcome.
            PreparedStatement s = statements.get(INSERT_REQUEST);
            s.setLong(1, run);
            s.setString(2, e.key());
            s.setString(3, e.result().rawUrl());
            s.setString(4, e.result().source());
            s.setString(5, RequestKind.PAGE.name());
            s.setInt(6, 0);
            s.setInt(7, Lane.PAGES.ordinal());
            s.executeUpdate();
        }
        PreparedStatement s = statements.get(ROW_STATE);
        s.setLong(1, run);
        s.setString(2, e.key());
        try (ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("no frontier row for " + e.key() + " in run " + run);
            }
            return RowState.of(rs.getInt(2)) == RowState.PENDING ? rs.getLong(1) : -1;
        }
    }

    private int insertProducts(BatchStatements statements, long run, long id, StoreBatch.Ended e) throws SQLException {
        CrawlResult r = e.result();
        List<String> lines = ProductLines.of(r);
        if (lines.isEmpty()) {
            return 0;
        }
        String site = ProductKey.site(r);
        PreparedStatement s = statements.get(INSERT_PRODUCT);
        for (int i = 0; i < lines.size(); i++) {
            Product p = r.products().get(i);
            s.setLong(1, id);
            s.setInt(2, i);
            s.setLong(3, run);
            s.setString(4, site);
            s.setString(5, ProductKey.item(p, r));
            s.setString(6, p.name());
            s.setString(7, p.sku());
            s.setString(8, p.price() == null ? null : p.price().toPlainString());
            s.setString(9, p.currency());
            s.setString(10, p.availability() == null ? null : p.availability().term());
            s.setString(11, lines.get(i));
            s.addBatch();
        }
        s.executeBatch();
        return lines.size();
    }

    /** A 304: the page is as the last run saw it, so are its products. */
    private int copyProducts(BatchStatements statements, long run, long id, String key) throws SQLException {
        PreparedStatement s = statements.get(COPY_PRODUCTS);
        s.setLong(1, id);
        s.setLong(2, run);
        s.setLong(3, previous.getOrDefault(run, 0L));
        s.setString(4, key);
        return s.executeUpdate();
    }

    private void retry(BatchStatements statements, StoreBatch batch) throws SQLException {
        if (batch.retries().isEmpty()) {
            return;
        }
        PreparedStatement s = statements.get(RETRY);
        for (StoreBatch.Retried r : batch.retries()) {
            s.setInt(1, r.retriesUsed());
            s.setLong(2, r.notBeforeMillis());
            s.setLong(3, batch.run());
            s.setString(4, r.key());
            s.addBatch();
        }
        s.executeBatch();
    }

    List<Pending> pending(Connection c, long run, Lane lane, long afterId, int limit) throws SQLException {
        List<Pending> out = new ArrayList<>(Math.min(limit, 4096));
        try (PreparedStatement s = c.prepareStatement("SELECT r.id, r.url, r.source, r.kind, r.depth, r.attempts, r.next_attempt_at,"
                + " p.etag, p.last_modified FROM requests r LEFT JOIN requests p ON p.run_id = ? AND p.key = r.key AND p.state = "
                + RowState.DONE.code + " WHERE r.run_id = ? AND r.lane = ? AND r.state = " + RowState.PENDING.code
                + " AND r.id > ? ORDER BY r.id LIMIT ?")) {
            s.setLong(1, previous.getOrDefault(run, 0L));
            s.setLong(2, run);
            s.setInt(3, lane.ordinal());
            s.setLong(4, afterId);
            s.setInt(5, limit);
            long nowMillis = System.currentTimeMillis();
            long nowTicks = Ticks.now();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long wait = Math.max(0, rs.getLong(7) - nowMillis);
                    RequestKind kind = RequestKind.valueOf(rs.getString(4));
                    // Only a product page may answer 304: sitemaps and start pages are read again for their links.
                    Validators validators = kind == RequestKind.PAGE ? new Validators(rs.getString(8), rs.getString(9)) : Validators.NONE;
                    CrawlRequest r = CrawlRequest.of(URI.create(rs.getString(2)), rs.getString(3), kind, rs.getInt(5))
                            .resumed(rs.getInt(6), wait == 0 ? 0 : nowTicks + wait * 1_000_000, validators);
                    out.add(new Pending(rs.getLong(1), r));
                }
            }
        }
        return out;
    }
}
