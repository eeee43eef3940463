package dev.trawl.output;

import dev.trawl.CrawlResult;
import dev.trawl.Outcome;
import dev.trawl.extract.Product;
import java.util.ArrayList;
import java.util.List;

/** The columns of a product line, in their stable order: one row per product of a fetched page. */
final class ProductColumns {
    static final List<String> NAMES = List.of("url", "status", "fetched_at", "name", "sku", "price", "currency");

    private ProductColumns() {}

    /** Price is written as its exact decimal text, never as a binary floating-point number. */
    static List<Object[]> rows(CrawlResult r) {
        if (!(r.outcome() instanceof Outcome.Done done) || r.products().isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = new ArrayList<>(r.products().size());
        for (Product p : r.products()) {
            rows.add(new Object[] {r.rawUrl(), done.status(), r.fetchedAt().toString(), p.name(), p.sku(),
                    p.price() == null ? null : p.price().toPlainString(), p.currency()});
        }
        return rows;
    }
}
