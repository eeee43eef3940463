package dev.trawl.internal.extract;

import dev.trawl.internal.text.Prices;

import dev.trawl.extract.Product;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading values from one parsed JSON-LD block: plain text out of the shapes JSON-LD allows for a
 * value, type tests that accept compact and full IRIs, and {@code {"@id": ...}} references
 * resolved against the other nodes of the same block. One instance per block, one thread.
 */
final class JsonLd {
    static final int MAX_DEPTH = 16;

    private final JsonNode root;
    private Map<String, JsonNode> nodesById;

    JsonLd(JsonNode root) {
        this.root = root;
    }

    /**
     * The node a bare reference {@code {"@id": "..."}} points to within this block, or the node
     * itself when it is not a bare reference or names no node here.
     */
    JsonNode resolve(JsonNode node) {
        if (node == null || !node.isObject() || node.size() != 1 || !node.path("@id").isTextual()) {
            return node;
        }
        if (nodesById == null) {
            nodesById = new HashMap<>();
            index(root, 0);
        }
        return nodesById.getOrDefault(node.get("@id").asText(), node);
    }

    /** The objects a value holds: the value itself or an array's items, references resolved; anything else skipped. */
    List<JsonNode> objects(JsonNode value) {
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            JsonNode v = resolve(value);
            return v.isObject() ? List.of(v) : List.of();
        }
        List<JsonNode> objects = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            JsonNode v = resolve(item);
            if (v.isObject()) {
                objects.add(v);
            }
        }
        return objects;
    }

    /**
     * The name a value gives something by (a brand, a seller, a category): its text, or a
     * node's (or referenced node's) {@code name}; of an array, the first that has one. Else null.
     */
    String name(JsonNode value) {
        String text = text(value);
        if (text != null) {
            return text;
        }
        for (JsonNode node : objects(value)) {
            String name = text(node.get("name"));
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    private void index(JsonNode node, int depth) {
        if (depth > MAX_DEPTH || !node.isContainerNode()) {
            return;
        }
        if (node.isObject() && node.size() > 1 && node.path("@id").isTextual()) {
            nodesById.putIfAbsent(node.get("@id").asText(), node);
        }
        for (JsonNode child : node) {
            index(child, depth + 1);
        }
    }

    /**
     * The text of a value: a string (HTML references decoded, whitespace stripped), a number's
     * plain digits, a value object's {@code @value}, or the first of an array that has text.
     * Null when there is none, or only whitespace.
     */
    static String text(JsonNode value) {
        JsonNode v = scalar(value);
        if (v == null) {
            return null;
        }
        String s = v.isTextual() ? Prices.strip(HtmlEntities.decode(v.textValue()))
                : v.isIntegralNumber() ? v.bigIntegerValue().toString()
                : v.isNumber() ? v.decimalValue().toPlainString()
                : null;
        return s == null || s.isEmpty() ? null : s;
    }

    /** The string or number a value holds, unwrapping a value object and taking an array's first; else null. */
    static JsonNode scalar(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isArray()) {
            for (JsonNode item : value) {
                JsonNode s = scalar(item.isArray() ? null : item);
                if (s != null && !(s.isTextual() && s.textValue().isBlank())) {
                    return s;
                }
            }
            return null;
        }
        JsonNode v = value.isObject() ? value.get("@value") : value;
        return v != null && (v.isTextual() || v.isNumber()) ? v : null;
    }

    /** Whether a node's {@code @type} (a string or an array of them) is one of these local names. */
    static boolean hasType(JsonNode node, String... localNames) {
        JsonNode type = node.get("@type");
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (t.isTextual() && isOneOf(t.textValue(), localNames)) {
                    return true;
                }
            }
            return false;
        }
        return type.isTextual() && isOneOf(type.textValue(), localNames);
    }

    /**
     * Whether a type names one of these, as a term ({@code Product}), a compact IRI
     * ({@code schema:Product}) or a full one ({@code https://schema.org/Product}); letter case aside.
     */
    private static boolean isOneOf(String type, String... localNames) {
        String t = type.strip();
        int cut = Math.max(Math.max(t.lastIndexOf('/'), t.lastIndexOf('#')), t.lastIndexOf(':'));
        for (String name : localNames) {
            if (t.length() - cut - 1 == name.length() && t.regionMatches(true, cut + 1, name, 0, name.length())) {
                return true;
            }
        }
        return false;
    }
}
