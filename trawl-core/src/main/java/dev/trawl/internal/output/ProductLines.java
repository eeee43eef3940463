package dev.trawl.internal.output;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.trawl.crawl.CrawlResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Product lines as a store keeps them: each product of a result as the JSON object a
 * {@code .jsonl} output holds, and back out to a {@code jsonl} or {@code csv} file in the same
 * stable columns, one line at a time, so an export never holds a run whole.
 */
public final class ProductLines {
    private static final ObjectMapper READER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private ProductLines() {}

    /** Each product of a result as one JSON line (no line break); empty for a failure. */
    public static List<String> of(CrawlResult result) {
        List<Object[]> rows = ProductColumns.rows(result);
        List<String> lines = new ArrayList<>(rows.size());
        try {
            for (Object[] row : rows) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
                try (JsonLines json = new JsonLines(bytes)) {
                    json.row(ProductColumns.NAMES, row);
                }
                lines.add(bytes.toString(StandardCharsets.UTF_8).stripTrailing());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        }
        return lines;
    }

    /**
     * A file of lines made by {@link #of}, written one at a time: {@code jsonl} (as they are) or
     * {@code csv} (a header, then the same columns; spreadsheet-safe, see {@link Csv}). The caller
     * owns and closes {@code out}.
     */
    public static Export export(String format, OutputStream out) throws IOException {
        return export(format, out, false);
    }

    /** As {@link #export(String, OutputStream)}; {@code rawCsv}: CSV text cells as they are (see {@link Csv}). */
    public static Export export(String format, OutputStream out, boolean rawCsv) throws IOException {
        return switch (format) {
            case "jsonl" -> new Export(null, out);
            case "csv" -> new Export(new Csv(out, ProductColumns.NAMES, rawCsv), out);
            default -> throw new IllegalArgumentException("unknown format " + format + ": use jsonl or csv");
        };
    }

    /** Takes product lines and writes them out; an I/O failure is thrown unchecked. */
    public static final class Export implements Consumer<String> {
        private final Csv csv;
        private final OutputStream out;
        private long count;

        private Export(Csv csv, OutputStream out) {
            this.csv = csv;
            this.out = out;
        }

        @Override
        public void accept(String line) {
            try {
                if (csv != null) {
                    csv.row(ProductColumns.NAMES, values(READER.readTree(line)));
                } else {
                    out.write(line.getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            count++;
        }

        /** Flushes what is buffered; returns the lines written. */
        public long finish() throws IOException {
            if (csv != null) {
                csv.flush();
            }
            out.flush();
            return count;
        }
    }

    private static Object[] values(JsonNode line) {
        Object[] values = new Object[ProductColumns.NAMES.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode v = line.get(ProductColumns.NAMES.get(i));
            values[i] = v == null || v.isNull() ? null
                    : v.isTextual() ? v.textValue()
                    : v.isNumber() ? v.numberValue()
                    : v.isArray() && !v.isEmpty() && v.get(0).isTextual() ? texts(v)
                    : v.toString();
        }
        return values;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>(array.size());
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
