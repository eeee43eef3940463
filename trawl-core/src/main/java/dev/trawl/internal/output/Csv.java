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
 *
 * <p>Unless raw, a text cell a spreadsheet would run as a formula, one starting with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return, gets a leading {@code '} (OWASP's
 * advice on CSV injection): {@code =HYPERLINK(...)} in a product name is shown, not run. Number
 * cells (prices, percents, counts: the values that are {@link Number}s) are written as they are,
 * so a negative percent stays a number; text that merely looks like one (a SKU {@code -5}) is text
 * and gets the quote. Raw writes every cell as it is, for programs rather than spreadsheets.
 */
public final class Csv implements RowWriter {
    private final BufferedWriter out;
    private final boolean raw;

    /** A spreadsheet-safe file; writes the header row at once: the file has one even when no row follows. */
    public Csv(OutputStream stream, List<String> columns) throws IOException {
        this(stream, columns, false);
    }

    /** Writes the header row at once; {@code raw}: text cells as they are, with no {@code '} before a formula. */
    public Csv(OutputStream stream, List<String> columns, boolean raw) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
        this.raw = raw;
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
                field(raw || values[i] instanceof Number ? text : inert(text));
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

    /** Text a spreadsheet shows rather than runs: with a leading {@code '} when it starts as a formula would. */
    static String inert(String text) {
        if (text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
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
