package dev.trawl.internal.output;

import dev.trawl.crawl.CrawlResult;
import dev.trawl.crawl.Outcome;
import dev.trawl.extract.Availability;
import dev.trawl.extract.Condition;
import dev.trawl.extract.Product;
import dev.trawl.internal.text.UrlPasswords;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a product line, in their stable order: one row per product of a fetched page
 * (DESIGN.md, the product record). Prices are exact decimals; lists stay lists (a JSON array,
 * or cells joined by {@code " | "} in CSV); offers are objects. A password in the page's URL is
 * never among them ({@link UrlPasswords}).
 */
public final class ProductColumns {
    public static final List<String> NAMES = List.of("url", "canonical_url", "name", "brand", "sku", "gtin", "mpn", "price", "currency",
            "list_price", "availability", "condition", "images", "category", "rating", "review_count", "seller", "offers",
            "source", "fetched_at", "http_status");

    private ProductColumns() {}

    /** {@link #rows}, each product once: one it gave before (by {@link ProductKey}) gives no row again. For one sink. */
    public static java.util.function.Function<CrawlResult, List<Object[]>> distinctRows() {
        DistinctProducts distinct = new DistinctProducts();
        return r -> rows(distinct.firstSeen(r));
    }

    public static List<Object[]> rows(CrawlResult r) {
        if (!(r.outcome() instanceof Outcome.Done done) || r.products().isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = new ArrayList<>(r.products().size());
        for (Product p : r.products()) {
            rows.add(new Object[] {UrlPasswords.hidden(p.url() != null ? p.url().toString() : r.rawUrl()),
                    UrlPasswords.hidden(p.canonicalUrl()), p.name(), p.brand(),
                    p.sku(), p.gtin(), p.mpn(), p.price(), p.currency(), p.listPrice(), term(p.availability()),
                    term(p.condition()), p.images(), p.category(), p.rating(), p.reviewCount(),
                    p.seller(), p.offers(), p.source(), r.fetchedAt().toString(), done.status()});
        }
        return rows;
    }

    static String term(Availability a) {
        return a == null ? null : a.term();
    }

    static String term(Condition c) {
        return c == null ? null : c.term();
    }
}
