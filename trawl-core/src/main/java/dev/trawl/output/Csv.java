package dev.trawl.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV: a header row, then one row each, CRLF line ends, fields quoted when they hold a
 * comma, quote or line break.
 */
final class Csv implements RowWriter {
    private final BufferedWriter out;

    /** Writes the header row at once: the file has one even when no row follows. */
    Csv(OutputStream stream, List<String> columns) throws IOException {
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
            if (values[i] != null) {
                field(values[i].toString());
            }
        }
        out.write("\r\n");
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
