package dev.trawl.internal.output;

import dev.trawl.internal.text.UrlPasswords;
import dev.trawl.store.ProductChange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

/** A diff's product changes written one at a time, as {@code csv} or JSON lines, in stable columns; prices exact. */
public final class ChangeLines implements Consumer<ProductChange> {
    static final List<String> NAMES = List.of("change", "site", "key", "name", "old_price", "new_price", "old_currency",
            "new_currency", "percent", "old_availability", "new_availability");

    private final RowWriter writer;

    private ChangeLines(RowWriter writer) {
        this.writer = writer;
    }

    /** {@code csv} (spreadsheet-safe, see {@link Csv}) or {@code json}; the caller owns {@code out} and calls {@link #finish()}. */
    public static ChangeLines of(String format, OutputStream out) throws IOException {
        return of(format, out, false);
    }

    /** As {@link #of(String, OutputStream)}; {@code rawCsv}: CSV text cells as they are (see {@link Csv}). */
    public static ChangeLines of(String format, OutputStream out, boolean rawCsv) throws IOException {
        return new ChangeLines(switch (format) {
            case "csv" -> new Csv(out, NAMES, rawCsv);
            case "json", "jsonl" -> new JsonLines(out);
            default -> throw new IllegalArgumentException("unknown format " + format + ": use csv or json");
        });
    }

    @Override
    public void accept(ProductChange c) {
        try {
            // a key is a product's URL when it has no SKU or GTIN: its password is not printed
            writer.row(NAMES, new Object[] {c.change(), UrlPasswords.hidden(c.site()), UrlPasswords.hidden(c.key()), c.name(), c.oldPrice(), c.newPrice(), c.oldCurrency(),
                    c.newCurrency(), c.percent(), c.oldAvailability(), c.newAvailability()});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void finish() throws IOException {
        writer.flush();
    }
}
