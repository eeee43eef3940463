package dev.trawl.cli;

import dev.trawl.Crawl;
import dev.trawl.CrawlBuilder;
import dev.trawl.CrawlSummary;
import dev.trawl.Seeds;
import dev.trawl.Trawl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trawl crawl}: fetch a list of URLs and read their products. */
@Command(name = "crawl", mixinStandardHelpOptions = true,
        description = "Fetch every URL of a list with bounded concurrency, read each page's products, and print a summary.")
final class CrawlCommand implements Callable<Integer> {

    @Option(names = "--urls", required = true, paramLabel = "FILE|-", description = "URLs to crawl, one per line; - reads standard input.")
    String urls;

    @Mixin
    CrawlOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        options.checkOutputs();
        Seeds seeds;
        if (urls.equals("-")) {
            seeds = Seeds.stream(() -> System.in, "stdin");
        } else {
            Path file = Path.of(urls);
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new UserError("cannot read --urls " + urls + ": " + (Files.exists(file) ? "not a readable file" : "no such file"), 2);
            }
            seeds = Seeds.file(file);
        }
        CrawlBuilder builder = options.apply(Trawl.crawl().seeds(seeds), spec.commandLine().getErr());
        CrawlSummary summary;
        try (Crawl crawl = builder.start()) {
            summary = crawl.await();
        }
        if (!options.quiet) {
            SummaryPrinter.print(summary, spec.commandLine().getOut());
        }
        if (options.summaryJson != null) {
            SummaryPrinter.writeJson(summary, options.summaryJson);
        }
        return 0;
    }
}
