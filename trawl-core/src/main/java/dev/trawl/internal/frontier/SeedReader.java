package dev.trawl.internal.frontier;

import dev.trawl.internal.discover.SeedUrls;

import dev.trawl.crawl.FailureReason;
import dev.trawl.crawl.Seed;
import dev.trawl.crawl.Seeds;
import dev.trawl.internal.discover.UrlCanonicalizer;
import dev.trawl.internal.text.ControlChars;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Reads a crawl's seeds one at a time into a frontier: each valid one as a request, each invalid
 * one reported with its source (file and line) and its text (control characters escaped, cut at
 * {@value ControlChars#SHOWN} characters) and handed to {@code rejected}. An unreadable
 * source is reported and ends the reading; the crawl goes on with what was read.
 */
public final class SeedReader {

    /** Takes one seed's request; may wait for room. */
    @FunctionalInterface
    public interface Target {
        void add(CrawlRequest request) throws InterruptedException;
    }

    private SeedReader() {}

    /**
     * How reading ended: {@code complete} when every seed was read; else stopped ({@code stopped}),
     * interrupted, or cut short by an error, which {@code lost} then names (null otherwise).
     */
    public record Read(boolean complete, String lost) {}

    public static Read read(Seeds seeds, BooleanSupplier stopped, Target target, Consumer<EmbeddedFrontier.Rejected> rejected,
                               Consumer<String> warnings) {
        try (Seeds.CloseableIterator it = seeds.open()) {
            while (!stopped.getAsBoolean() && it.hasNext()) {
                Seed seed = it.next();
                // Seed files are decoded leniently: a line that is not UTF-8 has U+FFFD where its bad bytes were.
                SeedUrls.Parsed parsed = seed.text().indexOf('\uFFFD') >= 0
                        ? new SeedUrls.Parsed(null, FailureReason.INVALID_URL, "not UTF-8 text") : SeedUrls.parse(seed.text());
                if (!parsed.ok()) {
                    warnings.accept(seed.source() + ": " + parsed.message() + ": " + ControlChars.shown(seed.text()) + " (skipped)");
                    rejected.accept(new EmbeddedFrontier.Rejected(seed, parsed));
                    continue;
                }
                target.add(CrawlRequest.of(UrlCanonicalizer.withoutFragment(parsed.url()), seed.source(), RequestKind.of(seed.kind()), 0));
            }
            return new Read(!stopped.getAsBoolean(), null);
        } catch (UncheckedIOException e) {
            return lost(e.getMessage() + " (no more seeds read from it)", warnings);
        } catch (java.nio.file.NoSuchFileException e) {
            return lost("cannot read seeds: no such file: " + e.getFile(), warnings);
        } catch (IOException e) {
            return lost("cannot read seeds: " + e.getMessage(), warnings);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Read(false, null);
    }

    private static Read lost(String line, Consumer<String> warnings) {
        warnings.accept(line);
        return new Read(false, line);
    }
}
