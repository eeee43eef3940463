package dev.trawl.extract;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;

/**
 * schema.org Products from JSON-LD: at the top level, in arrays, in {@code @graph}, or nested
 * (mainEntity, itemListElement[].item, ...). Offers may be one Offer, an array, an
 * AggregateOffer (lowPrice) or carry a priceSpecification. A block that is not valid JSON is
 * skipped; the others are still read.
 */
final class JsonLdProductExtractor implements Extractor {
    /** Made on first use: building a mapper loads much of Jackson, which start-up need not wait for. */
    private static final class Json {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                        JsonReadFeature.ALLOW_JAVA_COMMENTS)
                .build();
    }
    private static final int MAX_DEPTH = 12;
    private static final Set<String> ASCII_COMPATIBLE = Set.of("UTF-8", "ISO-8859-1", "US-ASCII", "windows-1252",
            "ISO-8859-15", "windows-1250", "windows-1251", "ISO-8859-2");

    @Override
    public List<Product> extract(Page page) {
        List<Product> products = new ArrayList<>(1);
        for (String block : blocks(page)) {
            try {
                collect(Json.MAPPER.readTree(block), products, 0);
            } catch (JacksonException e) {
                // broken JSON-LD is common; other blocks (or extractors) may still have the product
            }
        }
        return products;
    }

    /**
     * The JSON-LD texts of a page. For the usual ASCII-compatible charsets the page is scanned as
     * a Latin-1 view of its bytes (a plain copy) and only the blocks are decoded: decoding a whole
     * 40 KB page with a few non-ASCII characters costs more than everything else here.
     */
    private static List<String> blocks(Page page) {
        Charset charset = page.charset();
        if (!ASCII_COMPATIBLE.contains(charset.name())) {
            return JsonLdBlocks.find(page.text());
        }
        byte[] body = page.body();
        List<String> blocks = new ArrayList<>(1);
        for (int[] r : JsonLdBlocks.ranges(new String(body, StandardCharsets.ISO_8859_1))) {
            blocks.add(JsonLdBlocks.unwrap(new String(body, r[0], r[1] - r[0], charset)));
        }
        return blocks;
    }

    private static void collect(JsonNode node, List<Product> out, int depth) {
        if (node == null || depth > MAX_DEPTH) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                collect(item, out, depth + 1);
            }
        } else if (node.isObject()) {
            if (isProduct(node.get("@type"))) {
                out.add(product(node));
                return;
            }
            for (JsonNode child : node) {
                if (child.isContainerNode()) {
                    collect(child, out, depth + 1);
                }
            }
        }
    }

    private static boolean isProduct(JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (isProduct(t)) {
                    return true;
                }
            }
            return false;
        }
        String t = type.asText();
        int slash = Math.max(t.lastIndexOf('/'), t.lastIndexOf(':'));
        String local = slash >= 0 ? t.substring(slash + 1) : t;
        return local.equals("Product") || local.equals("ProductGroup");
    }

    private static Product product(JsonNode p) {
        String name = text(p.get("name"));
        String sku = text(p.get("sku"));
        JsonNode offer = firstPricedOffer(p.get("offers"));
        BigDecimal price = null;
        String currency = null;
        if (offer != null) {
            JsonNode spec = first(offer.get("priceSpecification"));
            price = price(offer.get("price"));
            if (price == null) {
                price = price(offer.get("lowPrice"));
            }
            if (price == null && spec != null) {
                price = price(spec.get("price"));
            }
            currency = Prices.currency(text(offer.get("priceCurrency")));
            if (currency == null && spec != null) {
                currency = Prices.currency(text(spec.get("priceCurrency")));
            }
        }
        return new Product(name, sku, price, currency);
    }

    private static JsonNode firstPricedOffer(JsonNode offers) {
        if (offers == null) {
            return null;
        }
        if (!offers.isArray()) {
            return offers.isObject() ? offers : null;
        }
        for (JsonNode o : offers) {
            if (o.isObject() && (o.has("price") || o.has("lowPrice") || o.has("priceSpecification"))) {
                return o;
            }
        }
        return offers.isEmpty() || !offers.get(0).isObject() ? null : offers.get(0);
    }

    private static JsonNode first(JsonNode node) {
        if (node != null && node.isArray()) {
            return node.isEmpty() ? null : node.get(0);
        }
        return node != null && node.isObject() ? node : null;
    }

    private static BigDecimal price(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isNumber()) {
            BigDecimal d = n.decimalValue();
            return d.signum() < 0 ? null : d;
        }
        return n.isTextual() ? Prices.parse(n.asText()) : null;
    }

    private static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isContainerNode()) {
            return null;
        }
        String s = HtmlEntities.decode(n.asText()).strip();
        return s.isEmpty() ? null : s;
    }
}
