package dev.trawl.internal.discover;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The links of a parsed page that selectors pick: absolute http(s) URLs, fragments dropped, each once. */
public final class PageLinks {
    private static final List<String> EVERY_LINK = List.of("a[href]");

    private PageLinks() {}

    /**
     * Links selected by {@code linkSelectors} (every {@code a[href]} when empty) and by
     * {@code nextPageSelectors}; a link both select counts as pagination.
     */
    public static List<Link> find(Document page, List<String> linkSelectors, List<String> nextPageSelectors) {
        Map<String, Link> found = new LinkedHashMap<>();
        for (String selector : nextPageSelectors) {
            add(page, selector, true, found);
        }
        for (String selector : linkSelectors.isEmpty() ? EVERY_LINK : linkSelectors) {
            add(page, selector, false, found);
        }
        return new ArrayList<>(found.values());
    }

    private static void add(Document page, String selector, boolean next, Map<String, Link> found) {
        for (Element e : page.select(selector)) {
            String href = e.absUrl("href");
            if (href.isEmpty()) {
                continue;
            }
            SeedUrls.Parsed parsed = SeedUrls.parse(href);
            if (parsed.ok()) {
                Link link = new Link(UrlCanonicalizer.withoutFragment(parsed.url()), next);
                found.putIfAbsent(link.url().toString(), link);
            }
        }
    }
}
