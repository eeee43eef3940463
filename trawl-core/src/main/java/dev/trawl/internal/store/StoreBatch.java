package dev.trawl.internal.store;

import dev.trawl.store.CrawlStore;

import dev.trawl.crawl.CrawlResult;
import dev.trawl.fetch.Validators;
import dev.trawl.internal.frontier.CrawlRequest;
import java.util.List;

/**
 * One transaction of a run's writes, applied all or nothing by {@link CrawlStore#commit}: new
 * frontier rows, terminal results (each request's products with its outcome), retries' state,
 * and the run's milestones.
 *
 * @param run       the run written to
 * @param inserts   requests entering the frontier; a key already in the run is ignored
 * @param ended     terminal results, in order; a result for a request already ended is ignored
 * @param retries   requests waiting for another attempt
 * @param seedsRead true when every seed of the run is among the rows committed
 * @param finished  true when the run is complete
 */
public record StoreBatch(long run, List<Insert> inserts, List<Ended> ended, List<Retried> retries, boolean seedsRead,
                         boolean finished) {

    public StoreBatch {
        inserts = List.copyOf(inserts);
        ended = List.copyOf(ended);
        retries = List.copyOf(retries);
    }

    /** One write of a batch, keyed by its request's row. */
    public sealed interface Op permits Insert, Ended, Retried {
        String key();
    }

    /** A request entering the frontier under {@code key} (its canonical URL). */
    public record Insert(String key, CrawlRequest request) implements Op {}

    /**
     * A request's terminal result. {@code request} is null for a seed that never became a request
     * (an invalid URL); {@code validators} are what the response said of the page's version.
     */
    public record Ended(String key, CrawlRequest request, CrawlResult result, Validators validators) implements Op {}

    /** A request that will be attempted again, {@code retriesUsed} so far, not before {@code notBeforeMillis} (epoch). */
    public record Retried(String key, int retriesUsed, long notBeforeMillis) implements Op {}

    public boolean isEmpty() {
        return inserts.isEmpty() && ended.isEmpty() && retries.isEmpty() && !seedsRead && !finished;
    }
}
