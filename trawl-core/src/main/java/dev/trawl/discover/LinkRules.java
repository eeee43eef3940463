package dev.trawl.discover;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * Which links a crawl follows from start pages (and from the pages reached from them). A link is
 * followed when its host is the host of the page it is on or one of {@code allowedHosts}; it
 * matches one of {@code include} (when any is given) and none of {@code exclude}; and it is not
 * deeper than {@code maxDepth} hops from a start page. Only links that {@code linkSelectors}
 * select are taken (every {@code a[href]} when none is given); those {@code nextPageSelectors}
 * select are pagination, followed without adding a hop, so a listing of fifty pages is read to its
 * end. The include and exclude patterns also filter the pages that sitemaps list.
 *
 * @param allowedHosts      lower-case host names besides each page's own; empty for none
 * @param include           regular expressions found in the URL (Java syntax)
 * @param exclude           regular expressions found in the URL
 * @param linkSelectors     CSS selectors (jsoup syntax) of the links to follow
 * @param nextPageSelectors CSS selectors of "next page" links
 * @param maxDepth          link hops from a start page at most
 */
public record LinkRules(Set<String> allowedHosts, List<Pattern> include, List<Pattern> exclude, List<String> linkSelectors,
                        List<String> nextPageSelectors, int maxDepth) {

    /** Every link on the same host, two hops deep at most, with the usual "next" links as pagination. */
    public static final LinkRules DEFAULT = new LinkRules(Set.of(), List.of(), List.of(), List.of(),
            List.of("a[rel~=(?i)next]", "link[rel~=(?i)next]"), 2);

    public LinkRules {
        allowedHosts = Set.copyOf(allowedHosts);
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        linkSelectors = List.copyOf(linkSelectors);
        nextPageSelectors = List.copyOf(nextPageSelectors);
        if (maxDepth < 0) {
            throw new IllegalArgumentException("maxDepth must be ≥ 0, was " + maxDepth);
        }
        for (String css : linkSelectors) {
            checkSelector(css);
        }
        for (String css : nextPageSelectors) {
            checkSelector(css);
        }
    }

    /** @throws IllegalArgumentException naming the selector, if it is not CSS jsoup can use */
    public static void checkSelector(String css) {
        try {
            QueryParser.parse(css);
        } catch (Selector.SelectorParseException e) {
            throw new IllegalArgumentException("not a CSS selector: '" + css + "': " + e.getMessage());
        }
    }

    /** Whether a URL passes the include and exclude patterns. */
    public boolean wanted(String url) {
        for (Pattern p : exclude) {
            if (p.matcher(url).find()) {
                return false;
            }
        }
        if (include.isEmpty()) {
            return true;
        }
        for (Pattern p : include) {
            if (p.matcher(url).find()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a link found on a page of {@code pageHost} may go to {@code host}. */
    public boolean hostAllowed(String pageHost, String host) {
        return host.equalsIgnoreCase(pageHost) || allowedHosts.contains(host.toLowerCase(java.util.Locale.ROOT));
    }
}
