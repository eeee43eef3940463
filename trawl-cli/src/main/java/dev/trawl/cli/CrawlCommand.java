package dev.trawl.cli;

import dev.trawl.crawl.Seeds;
import dev.trawl.Trawl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trawl crawl}: find and fetch a site's product pages (or a list of URLs) and read their products. */
@Command(name = "crawl", mixinStandardHelpOptions = true,
        description = {"Find product pages (from sites, sitemaps, start pages or a URL list), fetch them with bounded concurrency, "
                + "politely, read each page's products, and print a summary.",
                "Give at least one of --site, --sitemap, --start, --urls."})
final class CrawlCommand implements Callable<Integer> {

    @Option(names = "--urls", paramLabel = "FILE|-", description = "Page URLs to crawl, one per line; - reads standard input.")
    String urls;

    @Option(names = "--site", paramLabel = "URL", description = "A site's root: its robots.txt's Sitemap: lines are crawled, else /sitemap.xml. Repeatable.")
    List<String> sites = new ArrayList<>();

    @Option(names = "--sitemap", paramLabel = "URL", description = "A sitemap or sitemap index (plain or .gz): every page it lists is crawled. Repeatable.")
    List<String> sitemaps = new ArrayList<>();

    @Option(names = "--start", paramLabel = "URL", description = "A start page: crawled, and its links followed by --follow, --include, --max-depth... Repeatable.")
    List<String> starts = new ArrayList<>();

    @Mixin
    CrawlOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        options.outputs().check();
        if (urls == null && sites.isEmpty() && sitemaps.isEmpty() && starts.isEmpty()) {
            throw new UserError("nothing to crawl: give --site URL, --sitemap URL, --start URL or --urls FILE", 2);
        }
        Seeds seeds = Seeds.sites(sites).then(Seeds.sitemaps(sitemaps)).then(Seeds.startPages(starts));
        if (urls != null) {
            seeds = seeds.then(urlList());
        }
        CrawlSession.Finished finished = new CrawlSession(options.outputs(), spec.commandLine().getOut(), spec.commandLine().getErr())
                .run(options.apply(Trawl.crawl().seeds(seeds)));
        // The store failed or an output is incomplete (a line said how): scripts must not take it for done.
        return finished.exitCode();
    }

    private Seeds urlList() {
        if (urls.equals("-")) {
            return Seeds.stream(() -> System.in, "stdin");
        }
        Path file = Path.of(urls);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UserError("cannot read --urls " + urls + ": " + (Files.exists(file) ? "not a readable file" : "no such file"), 2);
        }
        return Seeds.file(file);
    }
}
