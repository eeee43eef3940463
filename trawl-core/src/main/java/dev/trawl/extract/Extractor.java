package dev.trawl.extract;

import java.util.List;

/**
 * Reads products from a page. Implementations are thread-safe (many request threads call one
 * extractor at once) and never throw for bad input: what cannot be read is skipped, and a page
 * with nothing readable gives an empty list.
 */
@FunctionalInterface
public interface Extractor {
    /** The products the page states, in document order; empty, never null, when there are none. */
    List<Product> extract(Page page);
}
