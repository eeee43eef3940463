package dev.trawl.internal.output;

import dev.trawl.crawl.CrawlResult;
import dev.trawl.crawl.Outcome;
import dev.trawl.internal.text.UrlPasswords;
import java.util.List;

/**
 * The columns of an outcome line, in their stable order, shared by the JSONL and CSV outcome files;
 * {@code read} says how a done page was read: {@code fetched}, or {@code rendered} in the browser.
 */
public final class OutcomeColumns {
    public static final List<String> NAMES = List.of("url", "source", "outcome", "reason", "status", "attempts", "bytes",
            "elapsed_ms", "products", "final_url", "detail", "fetched_at", "read");

    private OutcomeColumns() {}

    public static List<Object[]> rows(CrawlResult r) {
        return List.<Object[]>of(values(r));
    }

    /** The values; a password in a URL is never among them ({@link UrlPasswords}). */
    private static Object[] values(CrawlResult r) {
        String url = UrlPasswords.hidden(r.rawUrl());
        String source = UrlPasswords.hidden(r.source());
        return switch (r.outcome()) {
            case Outcome.Done d -> new Object[] {url, source, "done", null, d.status(), d.attempts(), d.bytes(),
                    d.elapsed().toMillis(), r.products().size(),
                    d.finalUrl().toString().equals(r.rawUrl()) ? null : UrlPasswords.hidden(d.finalUrl().toString()), null,
                    r.fetchedAt().toString(), d.rendered() ? "rendered" : "fetched"};
            case Outcome.Failed f -> new Object[] {url, source, "failed", f.reason().code(),
                    f.status() == 0 ? null : f.status(), f.attempts(), null, null, null, null, UrlPasswords.hidden(f.detail()),
                    r.fetchedAt().toString(), null};
        };
    }
}
