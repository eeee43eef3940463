package dev.trawl.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trawl.store.CrawlStore;
import dev.trawl.store.ProductChange;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A diff streams both runs in code-point order whatever the database's collation: here one whose default
 * (ICU English) puts {@code sku:a0} before {@code sku:B27}, where code points put {@code B} first; and with more rows
 * than one fetch, so both runs' cursors are read in turns on one connection.
 */
class DiffOrderTest {
    private static final int ROWS = 2500;

    @Test
    void aDiffInADatabaseWithALanguageCollationFindsExactlyTheChanges() throws Exception {
        String database = "icu_" + ProcessHandle.current().pid();
        String admin = TestPostgres.get().jdbcUrl() + "?user=trawl&password=trawl";
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database + " TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C'");
        }
        String url = TestPostgres.get().jdbcUrl().replace("/trawl_test", "/" + database) + "?user=trawl&password=trawl";
        try (PostgresCrawlStore store = PostgresCrawlStore.open(url)) {
            long older = store.begin("day1").id();
            long newer = store.begin("day2").id();
            Map<String, String> expected = new TreeMap<>();
            try (Connection c = DriverManager.getConnection(url)) {
                c.setAutoCommit(false);
                try (PreparedStatement p = c.prepareStatement("INSERT INTO products (request_id, ordinal, run_id, site, item_key, name,"
                        + " price, currency, line) VALUES (?, 0, ?, 'shop', ?, 'x', ?, 'EUR', '{}')")) {
                    for (int i = 0; i < ROWS + 10; i++) {
                        String key = "sku:" + key(i);
                        boolean removed = i < 5;
                        boolean added = i >= ROWS;
                        boolean repriced = !removed && !added && i % 10 == 0;
                        if (!added) {
                            insert(p, 2L * i, older, key, "10.00");
                        }
                        if (!removed) {
                            insert(p, 2L * i + 1, newer, key, repriced ? "12.50" : "10.0");
                        }
                        if (removed || added || repriced) {
                            expected.put(key, removed ? "removed" : added ? "new" : "price");
                        }
                    }
                    p.executeBatch();
                }
                c.commit();
            }
            Map<String, String> actual = new TreeMap<>();
            store.diff(older, newer, (ProductChange change) -> actual.put(change.key(), change.change().code()));
            assertEquals(expected, actual);
        } finally {
            try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE " + database + " WITH (FORCE)");
            }
        }
    }

    /** Letters in turn, upper case every other round: {@code a0 b1 .. z25 A26 B27 ..}, orders that differ by collation. */
    private static String key(int i) {
        char letter = (char) ('a' + i % 26);
        return (i / 26 % 2 == 0 ? letter : Character.toUpperCase(letter)) + Integer.toString(i);
    }

    private static void insert(PreparedStatement p, long request, long run, String key, String price) throws Exception {
        p.setLong(1, request);
        p.setLong(2, run);
        p.setString(3, key);
        p.setString(4, price);
        p.addBatch();
    }
}
