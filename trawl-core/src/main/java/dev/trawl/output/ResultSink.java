package dev.trawl.output;

import dev.trawl.Sinks;

import dev.trawl.crawl.CrawlResult;
import java.io.IOException;

/**
 * Receives every URL's terminal result. Sinks are called only from the crawl's single writer
 * thread, in order, so they may do file or database I/O and need no locking; never from a
 * request thread.
 */
public interface ResultSink extends AutoCloseable {

    void accept(CrawlResult result) throws IOException;

    /** Called when the writer's queue runs empty: a good moment to flush buffers. */
    default void flush() throws IOException {}

    @Override
    void close() throws IOException;
}
