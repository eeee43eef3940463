package dev.trawl.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The file outputs trawl ships, chosen by file extension. */
public final class Sinks {
    private Sinks() {}

    /** One line per product found: {@code .jsonl} (or {@code .ndjson}, {@code .json}) or {@code .csv}. */
    public static ResultSink products(Path file) throws IOException {
        return switch (format(file)) {
            case "csv" -> new ProductCsvSink(open(file), file.toString());
            default -> new ProductJsonlSink(open(file), file.toString());
        };
    }

    /** One line per URL with its terminal outcome and reason: {@code .jsonl} or {@code .csv}. */
    public static ResultSink outcomes(Path file) throws IOException {
        return switch (format(file)) {
            case "csv" -> new OutcomeCsvSink(open(file), file.toString());
            default -> new OutcomeJsonlSink(open(file), file.toString());
        };
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
