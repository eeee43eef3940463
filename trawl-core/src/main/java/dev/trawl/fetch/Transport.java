package dev.trawl.fetch;

import java.net.URI;

/**
 * One HTTP exchange, and nothing more: no redirects followed, no retries, no politeness (the
 * engine does those). Implementations are thread-safe, pool connections, enforce the
 * {@link FetchSettings} and never throw for network trouble: they return {@link FetchResult.Error}.
 * Called from many request virtual threads at once.
 */
public interface Transport extends AutoCloseable {

    FetchResult fetch(URI url);

    @Override
    void close();
}
