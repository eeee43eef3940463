package dev.trawl.internal.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.trawl.extract.Offer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;

/**
 * One JSON object per line. Absent values (null, an empty list) are left out; whole numbers and
 * exact decimals are JSON numbers written digit for digit ({@code 49.00} stays {@code 49.00});
 * lists are arrays; offers are objects ({@code sku}, {@code gtin}, {@code name}, {@code price},
 * {@code currency}, {@code availability}; absent ones left out), whichever extractor read them.
 */
public final class JsonLines implements RowWriter {
    private final JsonGenerator json;

    public JsonLines(OutputStream out) throws IOException {
        this.json = new JsonFactory().createGenerator(out);
        this.json.setRootValueSeparator(null);
    }

    @Override
    public void row(List<String> columns, Object[] values) throws IOException {
        json.writeStartObject();
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null || v instanceof List<?> l && l.isEmpty()) {
                continue;
            }
            json.writeFieldName(columns.get(i));
            value(v);
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }

    /** A value as JSON text, written as a line would hold it. */
    static String text(Object v) throws IOException {
        java.io.StringWriter out = new java.io.StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            new JsonLines(g).value(v);
        }
        return out.toString();
    }

    private JsonLines(JsonGenerator json) {
        this.json = json;
    }

    private void value(Object v) throws IOException {
        switch (v) {
            case BigDecimal d -> json.writeNumber(d);
            case Number n -> json.writeNumber(n.longValue());
            case List<?> list -> {
                json.writeStartArray();
                for (Object item : list) {
                    value(item);
                }
                json.writeEndArray();
            }
            case Offer o -> {
                json.writeStartObject();
                field("sku", o.sku());
                field("gtin", o.gtin());
                field("name", o.name());
                field("price", o.price());
                field("currency", o.currency());
                field("availability", ProductColumns.term(o.availability()));
                json.writeEndObject();
            }
            default -> json.writeString(v.toString());
        }
    }

    private void field(String name, Object v) throws IOException {
        if (v != null) {
            json.writeFieldName(name);
            value(v);
        }
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
