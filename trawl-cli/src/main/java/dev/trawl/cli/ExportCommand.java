package dev.trawl.cli;

import dev.trawl.store.CrawlStore;
import dev.trawl.store.Run;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trawl export}: a run's products from a store, streamed to a file or standard output. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a run's products from a crawl store, one line each, in a stable column order.")
final class ExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STORE", description = "The crawl store: the SQLite file or PostgreSQL URL given to crawl --store.")
    String location;

    @Option(names = "--store-password-file", paramLabel = "FILE", description = "A PostgreSQL store's password, on the file's first line.")
    Path passwordFile;

    @Option(names = "--format", paramLabel = "FORMAT", description = "jsonl or csv (default: from --out's name, else jsonl).")
    String format;

    @Option(names = "--run", paramLabel = "N", description = "Which run (default: the newest; see 'trawl runs').")
    Long run;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write (default: standard output).")
    Path out;

    @Option(names = "--csv-raw", description = CrawlOptions.CSV_RAW)
    boolean csvRaw;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (format != null && !format.equals("jsonl") && !format.equals("csv")) {
            throw new UserError("--format must be jsonl or csv, was " + format, 2);
        }
        try (CrawlStore store = StoreFiles.openToRead(location, passwordFile)) {
            Run r = StoreFiles.run(store, run);
            long n = StoreFiles.exportProducts(store, r.id(), format, out, new WriterOutputStream(spec.commandLine().getOut()),
                    csvRaw);
            if (out != null) {
                spec.commandLine().getErr().println(LogLines.text(n + " products of run " + r.id() + " written to " + out));
            }
        }
        return 0;
    }
}
