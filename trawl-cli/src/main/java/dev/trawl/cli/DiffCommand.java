package dev.trawl.cli;

import dev.trawl.internal.output.ChangeLines;
import dev.trawl.internal.text.ControlChars;
import dev.trawl.store.CrawlStore;
import dev.trawl.store.ProductChange;
import dev.trawl.store.Run;
import dev.trawl.store.StoreException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trawl diff}: new and removed products, and price and availability changes, between two runs of a store. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare two runs of a crawl store: new products, removed products, and price and availability changes "
                + "(old -> new, percent). Products are matched by site and SKU (by URL when they have none).",
                "By default the newest run against the one before it."})
final class DiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STORE", description = "The crawl store: the SQLite file or PostgreSQL URL given to crawl --store.")
    String location;

    @Option(names = "--store-password-file", paramLabel = "FILE", description = "A PostgreSQL store's password, on the file's first line.")
    Path passwordFile;

    @Option(names = "--from", paramLabel = "N", description = "The older run (default: the one before --to).")
    Long from;

    @Option(names = "--to", paramLabel = "N", description = "The newer run (default: the newest).")
    Long to;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default), csv or json (one object per line).")
    String format = "table";

    @Option(names = "--out", paramLabel = "FILE", description = "Where csv or json goes (default: standard output).")
    Path outFile;

    @Option(names = "--csv-raw", description = CrawlOptions.CSV_RAW)
    boolean csvRaw;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!List.of("table", "csv", "json").contains(format)) {
            throw new UserError("--format must be table, csv or json, was " + format, 2);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (CrawlStore store = StoreFiles.openToRead(location, passwordFile)) {
            Run newer = StoreFiles.run(store, to);
            Run older = from != null ? StoreFiles.run(store, from) : previous(store, newer);
            Map<String, Long> counts = new TreeMap<>();
            Consumer<ProductChange> tally = c -> counts.merge(c.change().code(), 1L, Long::sum);
            try {
                switch (format) {
                    case "csv", "json" -> {
                        try (OutputStream file = outFile == null ? null : Files.newOutputStream(outFile)) {
                            ChangeLines lines = ChangeLines.of(format, file == null ? new WriterOutputStream(out) : file, csvRaw);
                            store.diff(older.id(), newer.id(), tally.andThen(lines));
                            lines.finish();
                        }
                    }
                    default -> {
                        out.printf("run %d -> run %d%n", older.id(), newer.id());
                        out.printf("%-20s  %-24s  %-32s  %12s  %12s  %8s  %s%n", "change", "key", "name", "old", "new", "%", "availability");
                        store.diff(older.id(), newer.id(), tally.andThen(c -> out.printf("%-20s  %-24s  %-32s  %12s  %12s  %8s  %s%n",
                                c.change().code(), cut(c.key(), 24), cut(c.name(), 32), money(c.oldPrice(), c.oldCurrency()),
                                money(c.newPrice(), c.newCurrency()), c.percent() == null ? "" : signed(c.percent()),
                                java.util.Objects.equals(c.oldAvailability(), c.newAvailability()) ? ""
                                        : text(c.oldAvailability()) + " -> " + text(c.newAvailability()))));
                        out.printf("%s%n", counts.isEmpty() ? "no changes" : "changes: " + counts.entrySet().stream()
                                .map(e -> e.getValue() + " " + e.getKey()).collect(java.util.stream.Collectors.joining(", ")));
                    }
                }
            } catch (StoreException e) {
                throw new UserError(e.getMessage(), 1);
            } catch (UncheckedIOException e) {
                throw new UserError("cannot write: " + e.getMessage(), 1);
            }
        }
        out.flush();
        return 0;
    }

    private static Run previous(CrawlStore store, Run newer) {
        List<Run> runs = StoreFiles.runs(store);
        return runs.stream().filter(r -> r.id() < newer.id()).reduce((a, b) -> b)
                .orElseThrow(() -> new UserError("run " + newer.id() + " is the first run of " + store.describe()
                        + ": nothing to compare it with (crawl again into the same --store for a second run)", 1));
    }

    private static String money(BigDecimal price, String currency) {
        return price == null ? "" : price.toPlainString() + (currency == null ? "" : " " + currency);
    }

    private static String signed(BigDecimal percent) {
        return (percent.signum() > 0 ? "+" : "") + percent.toPlainString();
    }

    private static String text(String s) {
        return s == null ? "-" : ControlChars.escape(s);
    }

    /** A cell of the table: the store's text escaped (it came from pages), then cut to the column's width. */
    private static String cut(String s, int width) {
        if (s == null) {
            return "";
        }
        String shown = ControlChars.escape(s);
        return shown.length() <= width ? shown : shown.substring(0, width - 1) + "…";
    }
}
