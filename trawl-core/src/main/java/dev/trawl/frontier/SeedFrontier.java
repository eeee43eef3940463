package dev.trawl.frontier;

import dev.trawl.Seed;
import dev.trawl.Seeds;
import dev.trawl.engine.TrawlThreads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * The embedded frontier: reads seeds lazily on its own virtual thread into a bounded queue, so
 * memory holds at most {@code capacity} URLs however long the list. Seeds that are not valid
 * http(s) URLs never enter the queue; they are handed to {@code rejected} with the reason.
 */
public final class SeedFrontier implements Frontier {

    /** A seed that could not become a request. */
    public record Rejected(Seed seed, SeedUrls.Parsed parsed) {}

    private final BlockingQueue<CrawlRequest> queue;
    private final Thread reader;
    private volatile boolean readerDone;
    private volatile boolean closed;

    public SeedFrontier(Seeds seeds, int capacity, Consumer<Rejected> rejected, Consumer<String> warnings, Runnable onAvailable) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.reader = TrawlThreads.startVirtual("seed-reader", () -> read(seeds, rejected, warnings, onAvailable));
    }

    private void read(Seeds seeds, Consumer<Rejected> rejected, Consumer<String> warnings, Runnable onAvailable) {
        try (Seeds.CloseableIterator it = seeds.open()) {
            while (!closed && it.hasNext()) {
                Seed seed = it.next();
                SeedUrls.Parsed parsed = SeedUrls.parse(seed.text());
                if (!parsed.ok()) {
                    warnings.accept(seed.source() + ": " + parsed.message() + ": " + seed.text() + " (skipped)");
                    rejected.accept(new Rejected(seed, parsed));
                    continue;
                }
                queue.put(CrawlRequest.of(parsed.url(), seed.source()));
                if (queue.size() == 1) {
                    onAvailable.run(); // the engine may be waiting on an empty frontier
                }
            }
        } catch (UncheckedIOException e) {
            warnings.accept(e.getMessage() + " (no more seeds read from it)");
        } catch (java.nio.file.NoSuchFileException e) {
            warnings.accept("cannot read seeds: no such file: " + e.getFile());
        } catch (IOException e) {
            warnings.accept("cannot read seeds: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            readerDone = true;
            onAvailable.run();
        }
    }

    @Override
    public CrawlRequest poll() {
        return queue.poll();
    }

    @Override
    public boolean exhausted() {
        return readerDone && queue.isEmpty();
    }

    @Override
    public void close() {
        closed = true;
        TrawlThreads.stop(reader);
        queue.clear();
    }
}
