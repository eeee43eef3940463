package dev.trawl.internal.engine;

import dev.trawl.crawl.CrawlResult;
import dev.trawl.crawl.Outcome;
import dev.trawl.fetch.Validators;
import dev.trawl.internal.frontier.EmbeddedFrontier;
import dev.trawl.internal.frontier.Frontier;
import dev.trawl.internal.frontier.StoreFrontier;
import dev.trawl.internal.runtime.TrawlThreads;
import dev.trawl.internal.stats.CrawlStats;
import dev.trawl.internal.store.StoreBackend;
import dev.trawl.internal.writer.ResultLog;
import dev.trawl.internal.writer.ResultWriter;
import dev.trawl.internal.writer.StoreWriter;
import dev.trawl.store.Run;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Opens a crawl's frontier with the writer its results go to (DESIGN.md, data flow steps 1 and
 * 7). The engine polls the one and submits to the other, and never asks which they are: the
 * choice is made before the engine starts ({@code CrawlBuilder.start()}), so a frontier shared by
 * workers, say, plugs in here without a change to {@link CrawlEngine}.
 */
@FunctionalInterface
public interface FrontierFactory {

    /**
     * What a frontier is opened with.
     *
     * @param setup    the crawl's settings
     * @param stats    counts the seeds that never became requests
     * @param wake     wakes the engine's dispatcher; safe from any thread, never waits for the engine's lock
     * @param stopSoon stops the crawl from a thread that must not wait (the writer, when the store fails)
     */
    record Context(CrawlSetup setup, CrawlStats stats, Runnable wake, Runnable stopSoon) {

        /** Queue room of the writer: enough for every request in flight to end at once. */
        int writerQueue() {
            return Math.max(1024, setup.config().politeness().concurrency() * 4);
        }

        /** A seed that could not become a request ends, counted, as a failed result of its own. */
        Consumer<EmbeddedFrontier.Rejected> rejected(ResultLog log) {
            return r -> {
                stats.failed("-", r.parsed().reason());
                log.submit(null, new CrawlResult(null, r.seed().source(), r.seed().text(),
                        new Outcome.Failed(r.parsed().reason(), r.parsed().message(), 0, 0), List.of(), Instant.now()), Validators.NONE);
            };
        }
    }

    /**
     * An open frontier and its writer.
     *
     * @param run the store's run the crawl writes, null without a store
     */
    record Opened(Frontier frontier, ResultLog log, Run run) {}

    /** Opens the frontier and its writer; throws a {@code StoreException} when the store cannot begin the run. */
    Opened open(Context context);

    /** The frontier in memory, the results to the sinks only. */
    static FrontierFactory inMemory() {
        return c -> {
            var config = c.setup().config();
            ResultLog log = new ResultWriter(config.output().sinks(), c.writerQueue(), config.output().warnings());
            Frontier frontier = new EmbeddedFrontier(config.seeds(), config.discovery().buffer(), c.setup().canonicalizer(),
                    c.rejected(log), config.output().warnings(), c.wake());
            return new Opened(frontier, log, null);
        };
    }

    /** Every request, outcome and product in {@code store}, written by one writer thread that also pages the frontier in. */
    static FrontierFactory store(StoreBackend store) {
        return c -> {
            var config = c.setup().config();
            StoreWriter writer = new StoreWriter(store, config.output().job(), c.setup().canonicalizer(), config.output().sinks(),
                    c.writerQueue(), Duration.ofMillis(50), config.output().warnings(), c.stopSoon());
            Run run = writer.run();
            // The writer must never wait for the engine's lock: it wakes the dispatcher from a thread of its own.
            StoreFrontier frontier = new StoreFrontier(config.seeds(), run.seedsRead(), config.discovery().buffer(), writer,
                    c.rejected(writer), config.output().warnings(), () -> TrawlThreads.startVirtual("wake", c.wake()));
            writer.attach(frontier);
            frontier.start();
            return new Opened(frontier, writer, run);
        };
    }
}
