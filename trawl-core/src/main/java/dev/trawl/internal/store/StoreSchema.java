package dev.trawl.internal.store;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The store's tables, described once; {@link #ddl(Dialect)} writes them in a database's own
 * types. Times are epoch milliseconds and prices text, like every money value in trawl.
 */
public final class StoreSchema {

    /** The SQL dialects trawl's stores speak. */
    public enum Dialect {
        SQLITE("INTEGER PRIMARY KEY", "INTEGER", ""),
        /** In code-point order ("C") where a diff reads in order, whatever the database's collation. */
        POSTGRES("BIGSERIAL PRIMARY KEY", "BIGINT", " COLLATE \"C\"");

        private final String id;
        private final String bigint;
        private final String binaryCollation;

        Dialect(String id, String bigint, String binaryCollation) {
            this.id = id;
            this.bigint = bigint;
            this.binaryCollation = binaryCollation;
        }

        /** How ORDER BY and an index compare text by code point, as a diff does. */
        public String binaryCollation() {
            return binaryCollation;
        }
    }

    private enum Type { ID, BIGINT, INT, TEXT }

    private record Column(String name, Type type, String constraint) {
        String sql(Dialect d) {
            String type = switch (this.type) {
                case ID -> d.id;
                case BIGINT -> d.bigint;
                case INT -> "INTEGER";
                case TEXT -> "TEXT";
            };
            return name + " " + type + constraint;
        }
    }

    private record Table(String name, List<Column> columns, String key) {}

    /** An index; {@code binary} columns compare by code point. */
    private record Index(String name, String table, List<String> columns, List<String> binary) {}

    private static final List<Table> TABLES = List.of(
            new Table("runs", List.of(col("id", Type.ID), col("job", Type.TEXT, " NOT NULL"), col("started_at", Type.BIGINT, " NOT NULL"),
                    col("finished_at", Type.BIGINT), col("seeds_read", Type.INT, " NOT NULL DEFAULT 0")), null),
            new Table("requests", List.of(col("id", Type.ID), col("run_id", Type.BIGINT, " NOT NULL"), col("key", Type.TEXT, " NOT NULL"),
                    col("url", Type.TEXT, " NOT NULL"), col("source", Type.TEXT), col("kind", Type.TEXT, " NOT NULL"),
                    col("depth", Type.INT, " NOT NULL"), col("lane", Type.INT, " NOT NULL"), col("state", Type.INT, " NOT NULL"),
                    col("attempts", Type.INT, " NOT NULL"), col("next_attempt_at", Type.BIGINT, " NOT NULL"), col("status", Type.INT),
                    col("reason", Type.TEXT), col("detail", Type.TEXT), col("bytes", Type.BIGINT), col("elapsed_ms", Type.BIGINT),
                    col("final_url", Type.TEXT), col("products", Type.INT), col("etag", Type.TEXT), col("last_modified", Type.TEXT),
                    col("unchanged", Type.INT, " NOT NULL DEFAULT 0"), col("ended_at", Type.BIGINT)), "UNIQUE (run_id, key)"),
            new Table("products", List.of(col("request_id", Type.BIGINT, " NOT NULL"), col("ordinal", Type.INT, " NOT NULL"),
                    col("run_id", Type.BIGINT, " NOT NULL"), col("site", Type.TEXT, " NOT NULL"), col("item_key", Type.TEXT, " NOT NULL"),
                    col("name", Type.TEXT), col("sku", Type.TEXT), col("price", Type.TEXT), col("currency", Type.TEXT),
                    col("availability", Type.TEXT), col("line", Type.TEXT, " NOT NULL")), "PRIMARY KEY (request_id, ordinal)"));

    private static final List<Index> INDEXES = List.of(
            new Index("requests_pending", "requests", List.of("run_id", "lane", "state", "id"), List.of()),
            new Index("products_item", "products", List.of("run_id", "site", "item_key"), List.of("site", "item_key")));

    /** The table names, in creation order. */
    public static final List<String> TABLE_NAMES = TABLES.stream().map(Table::name).toList();

    private StoreSchema() {}

    private static Column col(String name, Type type) {
        return new Column(name, type, "");
    }

    private static Column col(String name, Type type, String constraint) {
        return new Column(name, type, constraint);
    }

    /** Statements creating whatever of the store is missing, in order. */
    public static List<String> ddl(Dialect dialect) {
        List<String> out = new ArrayList<>();
        for (Table t : TABLES) {
            List<String> parts = new ArrayList<>(t.columns().stream().map(c -> c.sql(dialect)).toList());
            if (t.key() != null) {
                parts.add(t.key());
            }
            out.add("CREATE TABLE IF NOT EXISTS " + t.name() + " (" + String.join(", ", parts) + ")");
        }
        for (Index i : INDEXES) {
            out.add("CREATE INDEX IF NOT EXISTS " + i.name() + " ON " + i.table() + " (" + i.columns().stream()
                    .map(c -> i.binary().contains(c) ? c + dialect.binaryCollation : c).collect(Collectors.joining(", ")) + ")");
        }
        return List.copyOf(out);
    }
}
