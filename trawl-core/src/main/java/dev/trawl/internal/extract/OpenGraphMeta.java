package dev.trawl.internal.extract;

import dev.trawl.internal.text.Ascii;
import dev.trawl.internal.text.Prices;
import dev.trawl.internal.text.StartTag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.parser.Parser;

/**
 * The OpenGraph and product {@code <meta>} tags in a page's head ({@code og:*}, {@code product:*},
 * named by {@code property} or {@code name}), found by scanning the raw text for {@code <meta}
 * (lower or upper case) with {@link StartTag}: no DOM. A page without {@code </head} is scanned whole. Values are decoded (charset and HTML
 * character references) and stripped; blank ones are left out. Keys are lower-cased.
 */
final class OpenGraphMeta {
    private final Map<String, List<String>> values = new HashMap<>();

    private OpenGraphMeta() {}

    static OpenGraphMeta of(PageSource source) {
        OpenGraphMeta meta = new OpenGraphMeta();
        String html = source.markup();
        Occurrences tags = new Occurrences(html, headEnd(html), "<meta", "<META");
        int i = 0;
        while (true) {
            int at = tags.next(i);
            if (at < 0) {
                break;
            }
            i = at + 5;
            if (Ascii.endsTagName(html, i)) {
                StartTag tag = StartTag.read(html, i);
                if (tag == null) {
                    break;
                }
                meta.add(source, tag);
                i = tag.end();
            }
        }
        return meta;
    }

    /**
     * Where the head ends ({@code </head}, in lower or upper case), else the end of the page.
     * OpenGraph tags belong in the head; not scanning the body (most of a page) for them halves
     * the cost of this reader.
     */
    private static int headEnd(String html) {
        int end = html.indexOf("</head");
        if (end < 0) {
            end = html.indexOf("</HEAD");
        }
        return end < 0 ? html.length() : end;
    }

    private void add(PageSource source, StartTag tag) {
        String key = tag.attribute("property");
        if (key == null) {
            key = tag.attribute("name");
        }
        String content = tag.attribute("content");
        if (key == null || content == null) {
            return;
        }
        key = key.strip().toLowerCase(Locale.ROOT);
        if (!key.startsWith("og:") && !key.startsWith("product:")) {
            return;
        }
        String value = Prices.strip(Parser.unescapeEntities(source.decode(content), true));
        if (!value.isEmpty()) {
            values.computeIfAbsent(key, k -> new ArrayList<>(1)).add(value);
        }
    }

    /** The first value of the first of these keys that the page has, or null. */
    String first(String... keys) {
        for (String key : keys) {
            List<String> v = values.get(key);
            if (v != null) {
                return v.getFirst();
            }
        }
        return null;
    }

    /** Every value of these keys, key by key, in page order within a key. */
    List<String> all(String... keys) {
        List<String> all = new ArrayList<>();
        for (String key : keys) {
            all.addAll(values.getOrDefault(key, List.of()));
        }
        return all;
    }
}
