package dev.trawl.cli;

import dev.trawl.internal.output.ProductLines;
import dev.trawl.Sinks;
import dev.trawl.postgres.PostgresCrawlStore;
import dev.trawl.Stores;
import dev.trawl.store.CrawlStore;
import dev.trawl.store.Run;
import dev.trawl.store.StoreException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * The CLI's ways into a crawl store: opening it with a clear message, picking a run, exporting products. A store is
 * an SQLite file, or a PostgreSQL database given by URL ({@code jdbc:postgresql://..} or {@code postgresql://..});
 * {@link #open} is the one place that tells them apart.
 */
final class StoreFiles {
    private StoreFiles() {}

    /**
     * Opens a store to crawl into; another process holding it (or its job) is a user error, not a stack trace.
     * {@code passwordFile} (may be null) holds a PostgreSQL store's password on its first line.
     */
    static CrawlStore openToWrite(String location, Path passwordFile) {
        return open(location, passwordFile, true);
    }

    /** Opens an existing store to read, also while a crawl writes to it. */
    static CrawlStore openToRead(String location, Path passwordFile) {
        return open(location, passwordFile, false);
    }

    private static CrawlStore open(String location, Path passwordFile, boolean writable) {
        try {
            if (PostgresCrawlStore.isUrl(location)) {
                if (passwordFile != null) {
                    return writable ? PostgresCrawlStore.open(location, passwordFile) : PostgresCrawlStore.openReadOnly(location, passwordFile);
                }
                return writable ? PostgresCrawlStore.open(location) : PostgresCrawlStore.openReadOnly(location);
            }
            if (passwordFile != null) {
                throw new UserError("--store-password-file is for a PostgreSQL store; " + location + " is an SQLite file", 2);
            }
            Path file = Path.of(location);
            return writable ? Stores.sqlite(file) : Stores.sqliteReadOnly(file);
        } catch (InvalidPathException e) {
            throw new UserError("not a store file nor a PostgreSQL URL: " + e.getMessage(), 2);
        } catch (StoreException e) {
            throw new UserError(e.getMessage(), 1);
        }
    }

    /** Run {@code id}, or the newest when null; a user error naming the runs there are when absent. */
    static Run run(CrawlStore store, Long id) {
        List<Run> runs = runs(store);
        if (runs.isEmpty()) {
            throw new UserError(store.describe() + " has no runs yet", 1);
        }
        if (id == null) {
            return runs.getLast();
        }
        return runs.stream().filter(r -> r.id() == id).findFirst().orElseThrow(() -> new UserError(
                store.describe() + " has no run " + id + " (runs 1 to " + runs.getLast().id() + ")", 2));
    }

    static List<Run> runs(CrawlStore store) {
        try {
            return store.runs();
        } catch (StoreException e) {
            throw new UserError(e.getMessage(), 1);
        }
    }

    /**
     * Streams a run's products to {@code file} (its format from its name, or {@code format}), or to {@code stdout} when null;
     * {@code rawCsv}: CSV text cells as they are (see {@link Sinks.CsvCells}).
     */
    static long exportProducts(CrawlStore store, long run, String format, Path file, OutputStream stdout, boolean rawCsv) {
        try {
            if (file == null) {
                return export(store, run, format, stdout, rawCsv);
            }
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                // A device or a pipe (/dev/stdout, a FIFO): written in place, never replaced.
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                    return export(store, run, format != null ? format : Sinks.format(file), out, rawCsv);
                }
            }
            // Written beside, then moved over: a reader never sees half a file.
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            long n;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                n = export(store, run, format != null ? format : Sinks.format(file), out, rawCsv);
            }
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return n;
        } catch (IOException | UncheckedIOException e) {
            throw new UserError("cannot write " + (file == null ? "standard output" : file) + ": " + e.getMessage(), 1);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), 2);
        } catch (StoreException e) {
            throw new UserError(e.getMessage(), 1);
        }
    }

    private static long export(CrawlStore store, long run, String format, OutputStream out, boolean rawCsv) throws IOException {
        ProductLines.Export export = ProductLines.export(format == null ? "jsonl" : format, out, rawCsv);
        store.productLines(run, export);
        return export.finish();
    }
}
