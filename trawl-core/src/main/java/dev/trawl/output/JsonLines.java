package dev.trawl.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** One JSON object per line; absent (null) values are left out, numbers stay numbers. */
final class JsonLines implements RowWriter {
    private final JsonGenerator json;

    JsonLines(OutputStream out) throws IOException {
        this.json = new JsonFactory().createGenerator(out);
        this.json.setRootValueSeparator(null);
    }

    @Override
    public void row(List<String> columns, Object[] values) throws IOException {
        json.writeStartObject();
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof Number n) {
                json.writeNumberField(columns.get(i), n.longValue());
            } else if (v != null) {
                json.writeStringField(columns.get(i), v.toString());
            }
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }

    @Override
    public void flush() throws IOException {
        json.flush();
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
