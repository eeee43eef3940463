package dev.trawl.demoshop;

/**
 * A category's listing pages: links to its products (in a JSON-LD shop also an {@code ItemList}),
 * {@code rel="next"} to the next page, and links robots.txt disallows (add to cart, sort by price)
 * that a polite crawler leaves alone.
 */
final class ListingPage {
    static final int PER_PAGE = 24;

    private final Markup markup;
    private final PriceFormat prices;

    ListingPage(Markup markup, PriceFormat prices) {
        this.markup = markup;
        this.prices = prices;
    }

    /** Page {@code page} (1-based) of the category at {@code index}; {@code base} is the shop's URL without its final slash. */
    void render(PageBuffer b, Catalogue catalogue, int index, long page, String base) {
        String category = Catalogue.CATEGORIES[index];
        String label = Pages.capital(category);
        Pages.open(b, label + " | Demo Shop");
        b.add(Pages.HEAD_END).add(Pages.NAV).add("<main id=\"main\"><h1>").add(label)
                .add("</h1><div class=\"toolbar\">Sort by <a class=\"sort\" href=\"/c/").add(category).add("?page=").add(page)
                .add("&sort=price\">price</a></div><ul class=\"grid\">\n");
        ItemListJsonLd itemList = markup == Markup.JSON_LD ? new ItemListJsonLd() : null;
        int n = Catalogue.CATEGORIES.length;
        long position = (page - 1) * PER_PAGE;
        long id = index + position * n;
        for (int i = 0; i < PER_PAGE && id < catalogue.size(); i++, id += n) {
            CatalogueProduct p = catalogue.product(id);
            b.add("<li class=\"card\"><a class=\"product-link\" href=\"").add(p.path()).add("\">").add(Pages.html(p.name()))
                    .add("</a><span class=\"money\">").add(prices.format(p.price(), p.currency()))
                    .add("</span><a class=\"add\" href=\"/cart/add?id=").add(p.id()).add("\">Add to cart</a></li>\n");
            if (itemList != null) {
                itemList.add(++position, p, base);
            }
        }
        b.add("</ul>");
        if (id < catalogue.size()) {
            b.add("<a rel=\"next\" class=\"next\" href=\"/c/").add(category).add("?page=").add(page + 1).add("\">Next page</a>");
        }
        if (itemList != null) {
            b.add("\n").add(itemList.script());
        }
        b.add("</main>\n").add(Pages.FOOTER);
    }
}
