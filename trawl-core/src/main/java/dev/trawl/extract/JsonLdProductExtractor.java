package dev.trawl.extract;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * schema.org products from a page's JSON-LD, without a DOM. A product is an object typed
 * {@code Product} (or {@code ProductGroup}, {@code ProductModel}, {@code IndividualProduct},
 * {@code SomeProducts}; as a term, a compact or a full IRI; alone or in a type array) found
 * anywhere in a block: at the top level, in an array, in {@code @graph}, or nested
 * ({@code mainEntity}, {@code itemListElement[].item}, an Offer's {@code itemOffered}). Products
 * nested inside a product (variants, related products) are not products of the page. Products
 * come in document order. A block that is not valid JSON is skipped; the others are still read.
 * Stateless, so one instance serves every thread.
 */
final class JsonLdProductExtractor implements Extractor {
    private static final String[] PRODUCT_TYPES = {"Product", "ProductGroup", "ProductModel", "IndividualProduct", "SomeProducts"};

    /** Made on first use: building a mapper loads much of Jackson, which start-up need not wait for. */
    private static final class Json {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES) // "49.00" stays 49.00, and 100.0 never becomes 1E+2
                .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                        JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
                .build();
    }

    @Override
    public List<Product> extract(Page page) {
        List<Product> products = new ArrayList<>(1);
        for (String block : blocks(page)) {
            JsonNode root = parse(block);
            if (root != null) {
                collect(root, null, new JsonLd(root), products, 0);
            }
        }
        return products;
    }

    /** A block's JSON tree, or null when it is not JSON that can be read. */
    private static JsonNode parse(String block) {
        try {
            return Json.MAPPER.readTree(block);
        } catch (RuntimeException | IOException e) {
            // Broken JSON-LD is common, and Jackson reports some hostile input (an exponent
            // of a billion digits) as an unchecked exception: either way this block is skipped.
            return null;
        }
    }

    /**
     * The JSON-LD texts of a page. For the usual ASCII-compatible charsets the page is scanned as
     * a Latin-1 view of its bytes (a plain copy) and only the blocks are decoded: decoding a whole
     * 40 KB page with a few non-ASCII characters costs more than everything else here.
     */
    private static List<String> blocks(Page page) {
        Charset charset = page.charset();
        if (!isAsciiCompatible(charset)) {
            return JsonLdBlocks.find(page.text());
        }
        byte[] body = page.body();
        List<JsonLdBlocks.Range> ranges = JsonLdBlocks.ranges(new String(body, StandardCharsets.ISO_8859_1));
        List<String> blocks = new ArrayList<>(ranges.size());
        for (JsonLdBlocks.Range r : ranges) {
            blocks.add(new String(body, r.start(), r.end() - r.start(), charset));
        }
        return blocks;
    }

    /**
     * Whether every byte below 0x80 means its ASCII character and no multi-byte character uses
     * such a byte, so that ASCII markup found in the raw bytes is markup.
     */
    static boolean isAsciiCompatible(Charset charset) {
        String name = charset.name();
        return name.equals("UTF-8") || name.equals("US-ASCII") || name.startsWith("ISO-8859-") || name.startsWith("windows-125")
                || name.startsWith("KOI8-") || name.equals("EUC-JP") || name.equals("EUC-KR");
    }

    private static void collect(JsonNode node, JsonNode enclosingOffer, JsonLd block, List<Product> out, int depth) {
        if (depth > JsonLd.MAX_DEPTH) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                collect(item, enclosingOffer, block, out, depth + 1);
            }
        } else if (node.isObject()) {
            if (JsonLd.hasType(node, PRODUCT_TYPES)) {
                out.add(product(node, enclosingOffer, block));
                return;
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getValue().isContainerNode()) {
                    collect(field.getValue(), field.getKey().equals("itemOffered") ? node : null, block, out, depth + 1);
                }
            }
        }
    }

    /**
     * A product's fields. The price comes from its own offers; failing that, from the offer it is
     * the {@code itemOffered} of; failing that, for a product group, from its first variant
     * ({@code hasVariant}) with a price, the one a shopper first sees.
     */
    private static Product product(JsonNode p, JsonNode enclosingOffer, JsonLd block) {
        JsonLdOffers.Stated stated = JsonLdOffers.of(p.get("offers"), block);
        if (stated.price() == null && enclosingOffer != null) {
            stated = better(stated, JsonLdOffers.offer(enclosingOffer, block, 0));
        }
        if (stated.price() == null && p.has("hasVariant")) {
            JsonNode variants = p.get("hasVariant");
            for (JsonNode v : variants.isArray() ? variants : List.of(variants)) {
                JsonNode variant = block.resolve(v);
                if (variant.isObject()) {
                    stated = better(stated, JsonLdOffers.of(variant.get("offers"), block));
                    if (stated.price() != null) {
                        break;
                    }
                }
            }
        }
        return Product.builder().name(JsonLd.text(p.get("name"))).sku(JsonLd.text(p.get("sku"))).price(stated.price())
                .currency(stated.currency()).source("json-ld").build();
    }

    /** The priced one of two statements, else whichever has a currency. */
    private static JsonLdOffers.Stated better(JsonLdOffers.Stated current, JsonLdOffers.Stated other) {
        if (other.price() != null || current.currency() == null && other.currency() != null) {
            return other;
        }
        return current;
    }
}
