package dev.trawl.internal.writer;

import dev.trawl.crawl.CrawlResult;
import dev.trawl.fetch.Validators;
import dev.trawl.internal.frontier.CrawlRequest;
import java.util.List;

/** Where a crawl's terminal results go, through its one writer thread: to the sinks, and to the store if there is one. */
public interface ResultLog {

    /**
     * Hands over a terminal result; blocks while the writer's queue is full (back-pressure).
     * {@code request} is null for a seed that never became one; {@code validators} are what the
     * response said of the page's version.
     */
    void submit(CrawlRequest request, CrawlResult result, Validators validators);

    /** Writes everything submitted and ends the writer; {@code complete} when every URL has its outcome. */
    void close(boolean complete);

    /** After {@link #close}: one line per output the sinks could not write whole. */
    List<String> incomplete();
}
