package dev.trawl.internal.extract;

import dev.trawl.extract.Extractor;
import dev.trawl.extract.Page;
import dev.trawl.extract.Product;

import java.util.List;

/**
 * An extractor that reads a page through a {@link PageSource}, so that the pipeline's extractors
 * share one view of a page instead of each copying or decoding it again.
 */
interface SourceExtractor extends Extractor {
    /** The products of the page behind this source; same contract as {@link #extract(Page)}. */
    List<Product> extract(PageSource source);

    @Override
    default List<Product> extract(Page page) {
        return extract(PageSource.of(page));
    }
}
