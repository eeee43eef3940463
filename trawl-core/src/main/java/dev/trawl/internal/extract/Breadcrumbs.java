package dev.trawl.internal.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The category path of a product page read from its {@code BreadcrumbList}: the crumbs' names in
 * position order, less the two ends that are not categories. The first crumb is dropped when it
 * is the home page (named "Home" or the like, or linking to the site's root). The last is dropped
 * when it is the product itself: named as the product, linking to the product's or the page's
 * URL, or the one crumb without a link (Google's guidelines let the current page's crumb omit
 * {@code item}).
 */
final class Breadcrumbs {
    private record Crumb(String name, String url, long position) {}

    private Breadcrumbs() {}

    static List<String> path(JsonNode list, JsonLd block, String productName, String productUrl, URI page) {
        List<Crumb> crumbs = crumbs(list, block, page);
        if (!crumbs.isEmpty() && isHome(crumbs.getFirst())) {
            crumbs.removeFirst();
        }
        if (!crumbs.isEmpty() && isProduct(crumbs, productName, productUrl, page)) {
            crumbs.removeLast();
        }
        List<String> path = new ArrayList<>(crumbs.size());
        for (Crumb c : crumbs) {
            path.add(c.name());
        }
        return path;
    }

    private static List<Crumb> crumbs(JsonNode list, JsonLd block, URI page) {
        List<Crumb> crumbs = new ArrayList<>();
        for (JsonNode element : block.objects(list.get("itemListElement"))) {
            JsonNode item = element.get("item");
            JsonNode itemNode = item != null && item.isObject() ? block.resolve(item) : null;
            String name = JsonLd.text(element.get("name"));
            if (name == null && itemNode != null) {
                name = JsonLd.text(itemNode.get("name"));
            }
            String url = WebUrls.absolute(page, itemNode == null ? JsonLd.text(item)
                    : JsonLd.text(itemNode.has("@id") ? itemNode.get("@id") : itemNode.get("url")));
            JsonNode position = JsonLd.scalar(element.get("position"));
            long order = position == null ? Long.MAX_VALUE : position.isNumber() ? position.asLong() : parseLong(position.textValue());
            if (name != null) {
                crumbs.add(new Crumb(name, url, order));
            }
        }
        crumbs.sort(Comparator.comparingLong(Crumb::position)); // stable: unnumbered crumbs keep their order, last
        return crumbs;
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static boolean isHome(Crumb first) {
        if (CategoryPath.isHome(first.name())) {
            return true;
        }
        if (first.url() == null || !WebUrls.isHttp(first.url())) {
            return false;
        }
        try {
            String path = URI.create(first.url()).getRawPath();
            return path == null || path.isEmpty() || path.equals("/");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isProduct(List<Crumb> crumbs, String productName, String productUrl, URI page) {
        Crumb last = crumbs.getLast();
        if (last.name().equalsIgnoreCase(productName)) {
            return true;
        }
        if (last.url() == null) {
            return crumbs.stream().anyMatch(c -> c.url() != null);
        }
        return WebUrls.samePage(last.url(), productUrl) || page != null && WebUrls.samePage(last.url(), page.toString());
    }
}
