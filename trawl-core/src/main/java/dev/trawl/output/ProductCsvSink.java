package dev.trawl.output;

import dev.trawl.CrawlResult;
import dev.trawl.Outcome;
import dev.trawl.extract.Product;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Products as CSV, one row per product, the same columns as the JSON lines. */
final class ProductCsvSink implements ResultSink {
    private final Csv csv;
    private final String name;

    ProductCsvSink(OutputStream out, String name) throws IOException {
        this.csv = new Csv(out, List.of("url", "status", "fetched_at", "name", "sku", "price", "currency"));
        this.name = name;
    }

    @Override
    public void accept(CrawlResult result) throws IOException {
        if (result.outcome() instanceof Outcome.Done done) {
            for (Product p : result.products()) {
                csv.row(result.rawUrl(), done.status(), result.fetchedAt(), p.name(), p.sku(),
                        p.price() == null ? null : p.price().toPlainString(), p.currency());
            }
        }
    }

    @Override
    public void flush() throws IOException {
        csv.flush();
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }

    @Override
    public String toString() {
        return name;
    }
}
