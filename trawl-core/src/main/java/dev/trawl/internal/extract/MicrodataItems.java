package dev.trawl.internal.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A document's microdata items in the shape of JSON-LD nodes, so that one reader serves both:
 * {@code itemtype} becomes {@code @type}, {@code itemid} {@code @id}, each {@code itemprop} a
 * field (an array when it occurs more than once) whose value is a nested node for an element with
 * {@code itemscope}, else text. A nested item's properties are its own, never its parent's.
 * Values follow the HTML standard (meta {@code content}, a/area/link {@code href}, img and media
 * {@code src}, object {@code data}, data/meter {@code value}, time {@code datetime}, else the
 * element's text), except that a {@code content} attribute on any element wins, as search
 * engines read it. URLs are made absolute against the document's base ({@code <base href>}, else
 * the page's URL). {@code itemref} is not followed. One document, one thread.
 */
final class MicrodataItems {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern HTML_SPACES = Pattern.compile("[ \t\n\f\r]+");
    private static final String[] NONE = {};

    private final URI base;

    private MicrodataItems(URI base) {
        this.base = base;
    }

    /** The top-level items (elements with {@code itemscope} and no {@code itemprop}), in document order. */
    static ArrayNode of(Document document) {
        MicrodataItems reader = new MicrodataItems(base(document));
        ArrayNode items = JSON.arrayNode();
        for (Element e : document.select("[itemscope]:not([itemprop])")) {
            items.add(reader.item(e, 0));
        }
        return items;
    }

    /** The document's base URL (its {@code <base href>}, else its own), or null. */
    private static URI base(Document document) {
        try {
            return document.baseUri().isEmpty() ? null : new URI(document.baseUri());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private ObjectNode item(Element scope, int depth) {
        ObjectNode item = JSON.objectNode();
        String[] types = words(scope.attr("itemtype"));
        if (types.length == 1) {
            item.put("@type", types[0]);
        } else if (types.length > 1) {
            ArrayNode array = item.putArray("@type");
            for (String t : types) {
                array.add(t);
            }
        }
        if (scope.hasAttr("itemid")) {
            item.put("@id", url(scope, "itemid"));
        }
        if (depth < JsonLd.MAX_DEPTH) {
            properties(scope, item, depth);
        }
        return item;
    }

    /** Adds the properties found below an element, not descending into nested items. */
    private void properties(Element parent, ObjectNode item, int depth) {
        for (Element child : parent.children()) {
            boolean scope = child.hasAttr("itemscope");
            if (child.hasAttr("itemprop")) {
                JsonNode value = scope ? item(child, depth + 1) : JSON.textNode(value(child));
                for (String name : words(child.attr("itemprop"))) {
                    add(item, name, value);
                }
            }
            if (!scope) {
                properties(child, item, depth);
            }
        }
    }

    private static void add(ObjectNode item, String name, JsonNode value) {
        JsonNode present = item.get(name);
        if (present == null) {
            item.set(name, value);
        } else if (present.isArray()) {
            ((ArrayNode) present).add(value);
        } else {
            item.putArray(name).add(present).add(value);
        }
    }

    private String value(Element e) {
        if (e.hasAttr("content")) {
            return e.attr("content");
        }
        return switch (e.normalName()) {
            case "meta" -> "";
            case "audio", "embed", "iframe", "img", "source", "track", "video" -> url(e, "src");
            case "a", "area", "link" -> url(e, "href");
            case "object" -> url(e, "data");
            case "data", "meter" -> e.attr("value");
            case "time" -> e.hasAttr("datetime") ? e.attr("datetime") : e.text();
            default -> e.text();
        };
    }

    /** An URL attribute made absolute; as written when it cannot be (jsoup's {@code absUrl} costs microseconds a call). */
    private String url(Element e, String attribute) {
        String written = e.attr(attribute);
        String absolute = WebUrls.absolute(base, written);
        return absolute != null ? absolute : written;
    }

    private static String[] words(String attribute) {
        String s = attribute.strip();
        if (s.isEmpty()) {
            return NONE;
        }
        return HTML_SPACES.split(s);
    }
}
