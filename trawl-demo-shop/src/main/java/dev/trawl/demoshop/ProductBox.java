package dev.trawl.demoshop;

/**
 * The visible product box every markup shares: gallery, title, brand, SKU, price (with the "was"
 * price struck through when on sale), stock, rating, sizes and the cart button. Its CSS classes
 * are what a selector-based recipe reads; in a {@link Markup#MICRODATA} shop the same elements
 * carry the schema.org itemprops, with the machine values in {@code meta} and {@code link} tags.
 */
final class ProductBox {
    private static final String SCHEMA = "https://schema.org/";

    private ProductBox() {}

    static void write(PageBuffer b, CatalogueProduct p, Markup markup, PriceFormat prices) {
        boolean md = markup == Markup.MICRODATA;
        String name = Pages.html(p.name());
        String brand = Pages.html(p.brand());
        b.add("<div class=\"product\"").add(md ? scope("Product") : "").add("><div class=\"gallery\"><img")
                .add(md ? prop("image") : "").add(" src=\"").add(p.image()).add("\" alt=\"").add(name)
                .add("\" width=\"800\" height=\"800\"></div>\n<div class=\"info\"><h1 class=\"product-title\"").add(md ? prop("name") : "")
                .add(">").add(name).add("</h1>\n<div class=\"product-brand\"")
                .add(md ? prop("brand") + scope("Brand") + "><span" + prop("name") + ">" + brand + "</span>" : ">" + brand)
                .add("</div>\n<span class=\"product-sku\">SKU: ").add(md ? "<span" + prop("sku") + ">" + p.sku() + "</span>" : p.sku())
                .add("</span>");
        if (md) {
            b.add("<meta").add(prop("gtin13")).add(" content=\"").add(p.gtin13()).add("\">");
        }
        b.add("\n<div class=\"price-box\"").add(md ? prop("offers") + scope("Offer") : "").add(">");
        // microdata states no list price, so its page does not show one either
        if (p.listPrice() != null && !md) {
            b.add("<del class=\"price-was\">").add(prices.format(p.listPrice(), p.currency())).add("</del> ");
        }
        b.add("<span class=\"price-now\">").add(prices.format(p.price(), p.currency())).add("</span>");
        if (md) {
            b.add("<meta").add(prop("price")).add(" content=\"").add(p.price().toPlainString()).add("\"><meta")
                    .add(prop("priceCurrency")).add(" content=\"").add(p.currency()).add("\"><link").add(prop("availability"))
                    .add(" href=\"").add(p.availability()).add("\">");
        }
        b.add("</div>\n<span class=\"stock\">").add(stockText(p.availabilityTerm())).add("</span>\n");
        if (p.rating() != null) {
            b.add("<div class=\"rating\"").add(md ? prop("aggregateRating") + scope("AggregateRating") : "")
                    .add("><span class=\"rating-value\"").add(md ? prop("ratingValue") : "").add(">").add(p.rating().toPlainString())
                    .add("</span> out of 5, <span class=\"review-count\"").add(md ? prop("reviewCount") : "").add(">")
                    .add(p.reviewCount()).add("</span> reviews</div>\n");
        }
        if (p.isGroup()) {
            b.add("<label>Size <select name=\"size\" class=\"variant-select\">");
            for (CatalogueVariant v : p.variants()) {
                b.add("<option value=\"").add(v.sku()).add("\">").add(v.size()).add(" \u2013 ").add(prices.format(v.price(), p.currency()))
                        .add("</option>");
            }
            b.add("</select></label>\n");
        }
        b.add("<form action=\"/cart/add\" method=\"post\"><input type=\"hidden\" name=\"id\" value=\"").add(p.id())
                .add("\"><button type=\"submit\" class=\"add\">Add to cart</button></form></div></div>\n");
    }

    /** What the stock line says for a schema.org availability term. */
    static String stockText(String term) {
        return switch (term) {
            case "InStock" -> "In stock";
            case "OutOfStock" -> "Out of stock";
            case "PreOrder" -> "Pre-order";
            default -> throw new IllegalArgumentException("no stock text for " + term);
        };
    }

    private static String scope(String type) {
        return " itemscope itemtype=\"" + SCHEMA + type + "\"";
    }

    private static String prop(String name) {
        return " itemprop=\"" + name + "\"";
    }
}
