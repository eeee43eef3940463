package dev.trawl.internal.store;

import dev.trawl.store.ProductChange;

import dev.trawl.internal.store.JdbcCrawlStore;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Compares two runs' products as two streams sorted by (site, key), one row at a time, so a diff
 * of millions holds two rows. A key seen twice in one run (a product listed on two pages) counts
 * once: its first row.
 */
public final class RunDiff {
    private RunDiff() {}

    /** One product row of a run. */
    record Item(String site, String key, String name, BigDecimal price, String currency, String availability) {}

    /** A run's rows in (site, key) order, each key once. */
    public static final class Items {
        private final ResultSet rows;
        private Item next;

        Items(ResultSet rows) throws SQLException {
            this.rows = rows;
            advance();
        }

        Item peek() {
            return next;
        }

        Item take() throws SQLException {
            Item item = next;
            advance();
            while (next != null && next.site().equals(item.site()) && next.key().equals(item.key())) {
                advance();
            }
            return item;
        }

        private void advance() throws SQLException {
            next = rows.next() ? new Item(rows.getString(1), rows.getString(2), rows.getString(3),
                    decimal(rows.getString(4)), rows.getString(5), rows.getString(6)) : null;
        }
    }

    static void merge(Items older, Items newer, Consumer<ProductChange> out) throws SQLException {
        while (older.peek() != null || newer.peek() != null) {
            int order = older.peek() == null ? 1 : newer.peek() == null ? -1 : compare(older.peek(), newer.peek());
            if (order < 0) {
                Item o = older.take();
                out.accept(new ProductChange(ProductChange.Kind.REMOVED, o.site(), o.key(), o.name(), o.price(), null, o.currency(), null,
                        o.availability(), null));
            } else if (order > 0) {
                Item n = newer.take();
                out.accept(new ProductChange(ProductChange.Kind.NEW, n.site(), n.key(), n.name(), null, n.price(), null, n.currency(), null,
                        n.availability()));
            } else {
                Item o = older.take();
                Item n = newer.take();
                boolean price = !samePrice(o.price(), n.price()) || !Objects.equals(o.currency(), n.currency());
                boolean availability = !Objects.equals(o.availability(), n.availability());
                if (price || availability) {
                    ProductChange.Kind change = price && availability ? ProductChange.Kind.PRICE_AND_AVAILABILITY
                            : price ? ProductChange.Kind.PRICE : ProductChange.Kind.AVAILABILITY;
                    out.accept(new ProductChange(change, n.site(), n.key(), n.name() != null ? n.name() : o.name(), o.price(),
                            n.price(), o.currency(), n.currency(), o.availability(), n.availability()));
                }
            }
        }
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    private static boolean samePrice(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** By code point, the order of SQLite's BINARY collation and PostgreSQL's "C". */
    static int compare(Item a, Item b) {
        int c = codePoints(a.site(), b.site());
        return c != 0 ? c : codePoints(a.key(), b.key());
    }

    private static int codePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
