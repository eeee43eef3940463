package dev.trawl.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.trawl.CrawlResult;
import java.io.IOException;
import java.io.OutputStream;

/** One JSON line per URL: the columns of {@link OutcomeColumns}, absent values left out. */
final class OutcomeJsonlSink implements ResultSink {
    private final JsonGenerator json;
    private final String name;

    OutcomeJsonlSink(OutputStream out, String name) throws IOException {
        this.json = new JsonFactory().createGenerator(out);
        this.json.setRootValueSeparator(null);
        this.name = name;
    }

    @Override
    public void accept(CrawlResult result) throws IOException {
        Object[] values = OutcomeColumns.values(result);
        json.writeStartObject();
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof Number n) {
                json.writeNumberField(OutcomeColumns.NAMES.get(i), n.longValue());
            } else if (v != null) {
                json.writeStringField(OutcomeColumns.NAMES.get(i), v.toString());
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

    @Override
    public String toString() {
        return name;
    }
}
