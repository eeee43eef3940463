package dev.trawl.internal.discover;

import dev.trawl.crawl.FailureReason;
import dev.trawl.internal.text.ControlChars;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The links of a parsed page that selectors pick, each {@code href} read as a browser reads it
 * ({@link WebUrl}) against the page's base URL (its first {@code <base href>}, else its own URL):
 * absolute http(s) URLs, fragments dropped, each once. Links to other schemes ({@code mailto:},
 * {@code javascript:}) are left out; links no URL can be made of are counted.
 */
public final class PageLinks {
    private static final List<String> EVERY_LINK = List.of("a[href]");

    private PageLinks() {}

    /**
     * What a page links to.
     *
     * @param links    the usable links, in document order
     * @param unusable how many selected links are no valid URL
     * @param example  the first of those, as written, and why (null when none)
     */
    public record Found(List<Link> links, int unusable, String example) {}

    /**
     * Links selected by {@code linkSelectors} (every {@code a[href]} when empty) and by
     * {@code nextPageSelectors}; a link both select counts as pagination.
     */
    public static Found find(Document page, URI pageUrl, List<String> linkSelectors, List<String> nextPageSelectors) {
        WebUrl base = base(page, pageUrl);
        Map<String, Link> found = new LinkedHashMap<>();
        Unusable unusable = new Unusable();
        if (base != null) {
            for (String selector : nextPageSelectors) {
                add(page, selector, true, base, found, unusable);
            }
            for (String selector : linkSelectors.isEmpty() ? EVERY_LINK : linkSelectors) {
                add(page, selector, false, base, found, unusable);
            }
        }
        return new Found(new ArrayList<>(found.values()), unusable.count, unusable.example);
    }

    private static final class Unusable {
        int count;
        String example;
    }

    /** The document's base URL: its first {@code <base href>} when that is an http(s) URL, else the page's own URL. */
    private static WebUrl base(Document page, URI pageUrl) {
        WebUrl url;
        try {
            url = WebUrl.of(pageUrl);
        } catch (WebUrl.Invalid e) {
            return null;
        }
        Element tag = page.selectFirst("base[href]");
        if (tag != null) {
            try {
                return WebUrl.parse(tag.attr("href"), url);
            } catch (WebUrl.Invalid e) {
                return url;
            }
        }
        return url;
    }

    private static void add(Document page, String selector, boolean next, WebUrl base, Map<String, Link> found, Unusable unusable) {
        for (Element e : page.select(selector)) {
            if (!e.hasAttr("href")) {
                continue;
            }
            String href = e.attr("href");
            SeedUrls.Parsed parsed = SeedUrls.resolve(href, base);
            if (parsed.ok()) {
                Link link = new Link(parsed.url(), next);
                found.putIfAbsent(link.url().toString(), link);
            } else if (parsed.reason() == FailureReason.INVALID_URL && unusable.count++ == 0) {
                unusable.example = "'" + ControlChars.shown(href) + "': " + parsed.message();
            }
        }
    }
}
