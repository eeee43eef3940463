package dev.trawl;

import dev.trawl.output.ResultSink;

import dev.trawl.internal.output.Csv;
import dev.trawl.internal.output.JsonLines;
import dev.trawl.internal.output.OutcomeColumns;
import dev.trawl.internal.output.ProductColumns;
import dev.trawl.internal.output.RowWriter;
import dev.trawl.internal.output.TableSink;

import dev.trawl.crawl.CrawlResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The file outputs trawl ships, chosen by file extension. */
public final class Sinks {
    private Sinks() {}

    /** One line per product found: {@code .jsonl} (or {@code .ndjson}, {@code .json}) or {@code .csv}. */
    public static ResultSink products(Path file) throws IOException {
        return table(file, ProductColumns.NAMES, ProductColumns::rows);
    }

    /** One line per URL with its terminal outcome and reason: {@code .jsonl} or {@code .csv}. */
    public static ResultSink outcomes(Path file) throws IOException {
        return table(file, OutcomeColumns.NAMES, OutcomeColumns::rows);
    }

    private static ResultSink table(Path file, List<String> columns, Function<CrawlResult, List<Object[]>> rows) throws IOException {
        boolean csv = format(file).equals("csv");
        OutputStream out = open(file);
        RowWriter writer = csv ? new Csv(out, columns) : new JsonLines(out);
        return new TableSink(columns, rows, writer, file.toString());
    }

    /**
     * The format a file name asks for: {@code jsonl} or {@code csv}.
     *
     * @throws IllegalArgumentException naming the file when the extension is neither
     */
    public static String format(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return "csv";
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return "jsonl";
        }
        throw new IllegalArgumentException(file + ": cannot tell the format: name the file .jsonl or .csv");
    }

    private static OutputStream open(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return Files.newOutputStream(file);
    }
}
