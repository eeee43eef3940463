package dev.trawl.extract;

import java.util.List;

/**
 * Reads products from a page. Implementations are thread-safe (many request threads call one
 * extractor at once) and never throw for bad input: what cannot be read is skipped.
 */
@FunctionalInterface
public interface Extractor {
    List<Product> extract(Page page);
}
