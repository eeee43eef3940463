package dev.trawl.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.trawl.CrawlResult;
import dev.trawl.Outcome;
import dev.trawl.extract.Product;
import java.io.IOException;
import java.io.OutputStream;

/** Products as JSON lines: url, status, fetched_at, then the fields the page had (price as an exact decimal string). */
final class ProductJsonlSink implements ResultSink {
    private final JsonGenerator json;
    private final String name;

    ProductJsonlSink(OutputStream out, String name) throws IOException {
        this.json = new JsonFactory().createGenerator(out);
        this.json.setRootValueSeparator(null);
        this.name = name;
    }

    @Override
    public void accept(CrawlResult result) throws IOException {
        if (!(result.outcome() instanceof Outcome.Done done)) {
            return;
        }
        for (Product p : result.products()) {
            json.writeStartObject();
            json.writeStringField("url", result.rawUrl());
            json.writeNumberField("status", done.status());
            json.writeStringField("fetched_at", result.fetchedAt().toString());
            writeIfPresent("name", p.name());
            writeIfPresent("sku", p.sku());
            writeIfPresent("price", p.price() == null ? null : p.price().toPlainString());
            writeIfPresent("currency", p.currency());
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    private void writeIfPresent(String field, String value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
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

    @Override
    public String toString() {
        return name;
    }
}
