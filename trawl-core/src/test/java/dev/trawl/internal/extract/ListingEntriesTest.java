package dev.trawl.internal.extract;

import dev.trawl.Extractors;
import dev.trawl.extract.Page;
import dev.trawl.extract.Product;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A listing's {@code ItemList} entries that link to the product's own page on this site are links,
 * not products (the product page gives the record); entries with no page of their own are products.
 */
class ListingEntriesTest {
    private static final URI LISTING = URI.create("https://www.shop.test/c/kitchen?page=2");

    private static List<String> names(String html) {
        return Extractors.products().extract(new Page(LISTING, 200, "text/html", html.getBytes(StandardCharsets.UTF_8))).stream()
                .map(Product::name).toList();
    }

    private static String itemList(String... items) {
        StringBuilder b = new StringBuilder("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"ItemList\","
                + "\"itemListElement\":[");
        for (int i = 0; i < items.length; i++) {
            b.append(i > 0 ? "," : "").append("{\"@type\":\"ListItem\",\"position\":").append(i + 1).append(",\"item\":").append(items[i]).append('}');
        }
        return b.append("]}</script>").toString();
    }

    private static String product(String name, String url) {
        return "{\"@type\":\"Product\",\"name\":\"" + name + "\",\"sku\":\"" + name.toUpperCase() + "\""
                + (url == null ? "" : ",\"url\":\"" + url + "\"") + ",\"offers\":{\"@type\":\"Offer\",\"price\":\"9.00\",\"priceCurrency\":\"EUR\"}}";
    }

    @Test
    void entriesLinkingToAnotherPageOfTheSiteAreNotProducts() {
        assertEquals(List.of(), names(itemList(product("kettle", "https://www.shop.test/p/kettle"), product("pan", "/p/pan"),
                product("pot", "https://shop.test/p/pot"), product("wok", "//WWW.SHOP.TEST/p/wok"))), "absolute, relative, without www., any case");
    }

    @Test
    void entriesWithoutAPageOfTheirOwnAreProducts() {
        assertEquals(List.of("kettle", "pan", "pot"), names(itemList(product("kettle", null),
                product("pan", "https://www.shop.test/c/kitchen?page=2#pan"), product("pot", "https://other.test/p/pot"),
                product("wok", "/p/wok"))), "no URL, this page's (a fragment names the entry), or another site's");
    }

    @Test
    void entriesReferredToByIdAndMicrodataListsAreLinksToo() {
        String graph = "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"ItemList\",\"itemListElement\":["
                + "{\"@type\":\"ListItem\",\"position\":1,\"item\":{\"@id\":\"https://www.shop.test/p/kettle#product\"}}]},"
                + "{\"@type\":\"Product\",\"@id\":\"https://www.shop.test/p/kettle#product\",\"name\":\"kettle\"}]}</script>";
        assertEquals(List.of(), names(graph));
        String microdata = """
                <ol itemscope itemtype="https://schema.org/ItemList">
                 <li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><meta itemprop="position" content="1">
                  <div itemprop="item" itemscope itemtype="https://schema.org/Product"><a itemprop="url" href="/p/pan"><span itemprop="name">pan</span></a></div></li>
                 <li itemprop="itemListElement" itemscope itemtype="https://schema.org/Product"><span itemprop="name">lid</span></li>
                </ol>""";
        assertEquals(List.of("lid"), names(microdata));
    }

    @Test
    void aProductPagesRelatedProductsListIsLinksAndItsOwnProductStays() {
        String html = "<script type=\"application/ld+json\">" + product("kettle", null) + "</script>"
                + itemList(product("pan", "/p/pan"), product("pot", "/p/pot"))
                + "<script type=\"application/ld+json\">{\"@type\":\"BreadcrumbList\",\"itemListElement\":["
                + "{\"@type\":\"ListItem\",\"position\":1,\"name\":\"Kitchen\",\"item\":\"https://www.shop.test/c/kitchen\"}]}</script>";
        List<Product> products = Extractors.products().extract(new Page(LISTING, 200, "text/html", html.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("kettle"), products.stream().map(Product::name).toList());
        assertEquals(List.of("Kitchen"), products.getFirst().category(), "the one product of the page takes the page's breadcrumbs");
    }

    @Test
    void productsOutsideAListAreProductsWhateverTheirUrl() {
        assertEquals(List.of("kettle"), names("<script type=\"application/ld+json\">" + product("kettle", "/p/kettle") + "</script>"),
                "a product page reached by another URL than its own");
    }
}
