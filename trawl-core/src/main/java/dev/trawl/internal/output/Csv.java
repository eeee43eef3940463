package dev.trawl.internal.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV: a header row, then one row each, CRLF line ends, fields quoted when they hold a
 * comma, quote or line break. Empty cells are absent values.
 */
public final class Csv implements RowWriter {
    private final BufferedWriter out;

    /** Writes the header row at once: the file has one even when no row follows. */
    public Csv(OutputStream stream, List<String> columns) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
        write(columns.toArray());
    }

    @Override
    public void row(List<String> columns, Object[] values) throws IOException {
        write(values);
    }

    private void write(Object[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            String text = cell(values[i]);
            if (text != null) {
                field(text);
            }
        }
        out.write("\r\n");
    }

    /** A value as cell text: decimals written out plainly, lists of text joined by {@code " | "}, other lists as JSON. */
    private static String cell(Object v) throws IOException {
        return switch (v) {
            case null -> null;
            case BigDecimal d -> d.toPlainString();
            case List<?> l when l.isEmpty() -> null;
            case List<?> l when l.getFirst() instanceof String -> String.join(" | ", l.stream().map(Object::toString).toList());
            case List<?> l -> JsonLines.text(l);
            default -> v.toString();
        };
    }

    private void field(String v) throws IOException {
        boolean quote = false;
        for (int i = 0; i < v.length() && !quote; i++) {
            char c = v.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.write(v);
            return;
        }
        out.write('"');
        out.write(v.replace("\"", "\"\""));
        out.write('"');
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
