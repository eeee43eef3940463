package dev.trawl.internal.extract;

import dev.trawl.extract.Product;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * schema.org products from a page's JSON-LD, without a DOM: the blocks are found in the raw text
 * ({@link JsonLdBlocks}), their products ({@link ProductNodes}) read to full records
 * ({@link ProductNodeReader}) with source {@code json-ld}; one product described twice (in two
 * blocks, say) gives one record ({@link ProductMerge}). A block that is not valid JSON is
 * skipped; the others are still read. Stateless, so one instance serves every thread.
 */
public final class JsonLdProductExtractor implements SourceExtractor {
    static final String SOURCE = "json-ld";

    /**
     * Made on first use: building a mapper loads much of Jackson, which start-up need not wait
     * for. Not a lazy holder class: request threads waiting for another thread's class
     * initialiser are pinned to their carriers (the blocking detector caught 35 ms of it), while
     * waiting on a lock they are not.
     */
    private static volatile ObjectMapper mapper;
    private static final int BUFFER_POOL = 256;
    private static final ReentrantLock MAPPER_LOCK = new ReentrantLock();

    private static ObjectMapper mapper() {
        ObjectMapper m = mapper;
        if (m == null) {
            MAPPER_LOCK.lock();
            try {
                m = mapper;
                if (m == null) {
                    // Jackson's default buffer pool is per thread, and every request has a virtual thread of
                    // its own: each parse allocated fresh buffers (10 % of a crawl's bytes). One shared pool.
                    JsonFactory factory = JsonFactory.builder().recyclerPool(JsonRecyclerPools.newBoundedPool(BUFFER_POOL)).build();
                    m = JsonMapper.builder(factory)
                            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES) // "49.00" stays 49.00, 100.0 never 1E+2
                            // Leading zeros: themes print a barcode unquoted ("gtin12": 036000291452).
                            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                                    JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER,
                                    JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
                            .build();
                    mapper = m;
                }
            } finally {
                MAPPER_LOCK.unlock();
            }
        }
        return m;
    }

    @Override
    public List<Product> extract(PageSource source) {
        return ProductMerge.within(read(source)).stream().map(ProductReading::product).toList();
    }

    /** Every product reading of the page, in document order, not merged. */
    List<ProductReading> read(PageSource source) {
        List<JsonLdBlocks.Range> ranges = JsonLdBlocks.ranges(source.markup());
        if (ranges.isEmpty()) {
            return List.of();
        }
        ProductNodes nodes = new ProductNodes();
        for (JsonLdBlocks.Range r : ranges) {
            JsonNode root = parse(source.decode(r.start(), r.end()));
            if (root != null) {
                nodes.add(root);
            }
        }
        return nodes.products.isEmpty() ? List.of() : ProductNodeReader.read(nodes, source.url(), SOURCE);
    }

    /** A block's JSON tree, or null when it is not JSON that can be read. */
    private static JsonNode parse(String block) {
        try {
            return mapper().readTree(block);
        } catch (RuntimeException | IOException e) {
            // Broken JSON-LD is common, and Jackson reports some hostile input (an exponent
            // of a billion digits) as an unchecked exception: either way this block is skipped.
            return null;
        }
    }
}
