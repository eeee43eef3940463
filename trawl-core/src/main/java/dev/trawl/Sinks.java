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

    /** How a {@code .csv} file writes its text cells; a {@code .jsonl} file holds every value as it is, whichever. */
    public enum CsvCells {
        /**
         * The default: a text cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab
         * or a carriage return gets a leading {@code '}, so a spreadsheet shows a product named
         * {@code =HYPERLINK(...)} rather than running it (OWASP's advice on CSV injection). Number
         * cells (prices, ratings, counts, percents) are written as they are, a minus sign and all.
         */
        SAFE,
        /** Every cell as it is: for programs that read the file, not for spreadsheets. */
        RAW
    }

    /**
     * One line per product found, each product once per crawl (the same site and SKU, else the same
     * canonical URL, from a second page is not written again): {@code .jsonl} (or {@code .ndjson},
     * {@code .json}) or {@code .csv} ({@link CsvCells#SAFE}).
     */
    public static ResultSink products(Path file) throws IOException {
        return products(file, CsvCells.SAFE);
    }

    /** One line per product found, once per crawl, a CSV file's text cells written as {@code cells} says. */
    public static ResultSink products(Path file, CsvCells cells) throws IOException {
        return table(file, ProductColumns.NAMES, ProductColumns.distinctRows(), cells);
    }

    /** One line per URL with its terminal outcome and reason: {@code .jsonl} or {@code .csv} ({@link CsvCells#SAFE}). */
    public static ResultSink outcomes(Path file) throws IOException {
        return outcomes(file, CsvCells.SAFE);
    }

    /** One line per URL with its terminal outcome and reason, a CSV file's text cells written as {@code cells} says. */
    public static ResultSink outcomes(Path file, CsvCells cells) throws IOException {
        return table(file, OutcomeColumns.NAMES, OutcomeColumns::rows, cells);
    }

    private static ResultSink table(Path file, List<String> columns, Function<CrawlResult, List<Object[]>> rows, CsvCells cells)
            throws IOException {
        boolean csv = format(file).equals("csv");
        java.util.Objects.requireNonNull(cells, "cells");
        OutputStream out = open(file);
        RowWriter writer = csv ? new Csv(out, columns, cells == CsvCells.RAW) : new JsonLines(out);
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
