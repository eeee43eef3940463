package dev.trawl.cli;

import dev.trawl.internal.text.ControlChars;
import dev.trawl.store.CrawlStore;
import dev.trawl.store.Run;
import dev.trawl.store.RunCounts;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trawl runs}: the runs a store holds, with their counts. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List the runs in a crawl store.")
final class RunsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STORE", description = "The crawl store: the SQLite file or PostgreSQL URL given to crawl --store.")
    String location;

    @Option(names = "--store-password-file", paramLabel = "FILE", description = "A PostgreSQL store's password, on the file's first line.")
    Path passwordFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (CrawlStore store = StoreFiles.openToRead(location, passwordFile)) {
            out.printf("%4s  %-12s  %-20s  %-10s  %9s  %9s  %9s  %9s  %9s%n", "run", "job", "started", "state", "done", "failed",
                    "pending", "unchanged", "products");
            for (Run r : StoreFiles.runs(store)) {
                RunCounts c = store.counts(r.id());
                out.printf("%4d  %-12s  %-20s  %-10s  %9d  %9d  %9d  %9d  %9d%n", r.id(), ControlChars.escape(r.job()),
                        r.startedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), r.finished() ? "finished" : "unfinished",
                        c.done(), c.failed(), c.pending(), c.unchanged(), c.products());
            }
        }
        out.flush();
        return 0;
    }
}
