package dev.trawl.internal.extract;

import dev.trawl.extract.Product;

/**
 * A product record as one source read it, with the name the source gave its node, by which two
 * readings are known to be of one product ({@link SameProduct}).
 *
 * @param product the record
 * @param nodeId  the node's {@code @id} (JSON-LD) or {@code itemid} (microdata), made absolute
 *                when it is a relative reference; null when it has none
 */
record ProductReading(Product product, String nodeId) {}
