package dev.trawl.internal.store;

import dev.trawl.store.CrawlStore;
import dev.trawl.internal.frontier.Lane;
import dev.trawl.internal.frontier.Pending;
import dev.trawl.store.Run;
import java.util.List;

/**
 * The side of a {@link CrawlStore} the crawl's writer thread uses: begin a run, commit batches,
 * read the frontier back. Every store trawl opens implements it.
 */
public interface StoreBackend extends CrawlStore {

    /** The job's unfinished run, resumed, or else a new run. */
    Run begin(String job);

    /** Applies a batch in one transaction; returns how many of its inserts were new requests (site seeds aside). */
    int commit(StoreBatch batch);

    /** Requests of {@code run} without an outcome yet, site seeds aside. */
    long unfinished(long run);

    /**
     * Up to {@code limit} requests of {@code run} on {@code lane} still without an outcome and
     * with an id above {@code afterId}, in id order; each carries the validators the job's last
     * finished run saw for its URL.
     */
    List<Pending> pending(long run, Lane lane, long afterId, int limit);
}
