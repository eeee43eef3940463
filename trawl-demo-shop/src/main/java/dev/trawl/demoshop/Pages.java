package dev.trawl.demoshop;

import java.nio.charset.StandardCharsets;

/**
 * The shop's HTML. Boilerplate (styles, scripts, navigation, footer, description and review
 * paragraphs) is built once as bytes; a page writes those and only its product's own parts, so
 * a 40 KB page costs microseconds.
 */
final class Pages {
    static final int PER_LISTING_PAGE = 24;
    private static final byte[] HEAD_END;
    private static final byte[] NAV;
    private static final byte[] FOOTER;
    /** More than the specs, JSON-LD and footer after the description can take (names are short). */
    private static final int TAIL_BOUND;
    /** The smallest padding comment, {@code <!--x-->}. */
    private static final int MIN_PAD = 8;
    private static final byte[] PAD_OPEN = bytes("<!--");
    private static final byte[] PAD_CLOSE = bytes("-->");
    /** Comment text for padding: letters and spaces, never "--". */
    private static final byte[] PAD = bytes("padding ".repeat(1024));
    private static final byte[][] PARAGRAPHS = new byte[48][];
    private static final byte[][] REVIEWS = new byte[32][];
    private static final String[] WORDS = ("comfortable durable elegant practical sturdy lightweight versatile timeless "
            + "handcrafted sustainable generous compact reliable quiet efficient balanced refined everyday thoughtful "
            + "warm crisp natural honest simple careful").split(" ");

    static {
        StringBuilder head = new StringBuilder();
        head.append("<link rel=\"stylesheet\" href=\"/assets/theme.css?v=3.14\"><link rel=\"stylesheet\" href=\"/assets/product.css\">\n");
        head.append("<link rel=\"preconnect\" href=\"https://cdn.shop.test\"><link rel=\"icon\" href=\"/favicon.ico\">\n");
        head.append("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());"
                + "gtag('config','G-DEMO123');var theme={cart:{count:0,items:[]},locale:'en-US',routes:{cart:'/cart',search:'/search'}};</script>\n");
        head.append("<style>");
        for (int i = 0; i < 40; i++) {
            head.append(".c").append(i).append("{margin:").append(i % 7).append("px;padding:").append(i % 5)
                    .append("px;color:#").append(Integer.toHexString(0x333333 + i * 4099)).append(";}");
        }
        head.append("</style>\n</head>\n");
        HEAD_END = bytes(head);

        StringBuilder nav = new StringBuilder("<body class=\"template-product\"><a class=\"skip\" href=\"#main\">Skip to content</a>\n"
                + "<header class=\"site-header\"><a class=\"logo\" href=\"/\">Demo Shop</a><form action=\"/search\" class=\"search\">"
                + "<input type=\"search\" name=\"q\" placeholder=\"Search products\"></form><a href=\"/cart\" class=\"cart\">Cart (0)</a></header>\n<nav><ul class=\"menu\">");
        for (String c : Catalogue.CATEGORIES) {
            nav.append("<li class=\"menu-item\"><a href=\"/c/").append(c).append("?page=1\">").append(capital(c)).append("</a><ul class=\"sub\">");
            for (int i = 1; i <= 6; i++) {
                nav.append("<li><a href=\"/c/").append(c).append("?page=").append(i).append("\">").append(capital(c)).append(" page ")
                        .append(i).append("</a></li>");
            }
            nav.append("</ul></li>");
        }
        nav.append("</ul></nav>\n");
        NAV = bytes(nav);

        StringBuilder footer = new StringBuilder("<footer class=\"site-footer\"><div class=\"cols\">");
        for (int col = 0; col < 4; col++) {
            footer.append("<div class=\"col\"><h4>Section ").append(col + 1).append("</h4><ul>");
            for (int i = 0; i < 12; i++) {
                footer.append("<li><a href=\"/pages/info-").append(col).append('-').append(i).append("\">Information page ")
                        .append(col * 12 + i).append("</a></li>");
            }
            footer.append("</ul></div>");
        }
        footer.append("</div><p class=\"legal\">&copy; 2026 Demo Shop. Prices include VAT where applicable. "
                + "This shop is synthetic: it exists to test crawlers.</p></footer>\n"
                + "<script src=\"/assets/vendor.js\" defer></script><script src=\"/assets/theme.js\" defer></script>\n</body></html>\n");
        FOOTER = bytes(footer);
        TAIL_BOUND = FOOTER.length + 3_000;

        for (int p = 0; p < PARAGRAPHS.length; p++) {
            StringBuilder s = new StringBuilder("<p class=\"c").append(p % 40).append("\">");
            for (int w = 0; w < 90; w++) {
                s.append(WORDS[(int) Math.floorMod(Mix.hash(p, w, 7), (long) WORDS.length)]).append(w % 12 == 11 ? ". " : " ");
            }
            PARAGRAPHS[p] = bytes(s.append("</p>\n"));
        }
        for (int r = 0; r < REVIEWS.length; r++) {
            StringBuilder s = new StringBuilder("<article class=\"review\"><div class=\"stars\" data-rating=\"")
                    .append(1 + r % 5).append("\">").append("&#9733;".repeat(1 + r % 5)).append("</div><h5>Review by customer ")
                    .append(r).append("</h5><p>");
            for (int w = 0; w < 60; w++) {
                s.append(WORDS[(int) Math.floorMod(Mix.hash(r, w, 11), (long) WORDS.length)]).append(' ');
            }
            REVIEWS[r] = bytes(s.append("</p><button class=\"helpful\">Helpful</button></article>\n"));
        }
    }

    private Pages() {}

    /** A product page of 20–60 KB whose JSON-LD carries the catalogue's values exactly. */
    static void product(PageBuffer b, CatalogueProduct p, String base) {
        int pageStart = b.length;
        String name = html(p.name());
        String price = p.price().toPlainString();
        b.add("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").add(name).add(" | Demo Shop</title>\n")
                .add("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"description\" content=\"")
                .add(name).add(" by ").add(html(p.brand())).add("\">\n<link rel=\"canonical\" href=\"").add(base).add(p.path()).add("\">\n")
                .add("<meta property=\"og:type\" content=\"product\"><meta property=\"og:title\" content=\"").add(name)
                .add("\"><meta property=\"og:url\" content=\"").add(base).add(p.path())
                .add("\"><meta property=\"product:price:amount\" content=\"").add(price)
                .add("\"><meta property=\"product:price:currency\" content=\"").add(p.currency()).add("\">\n")
                .add(HEAD_END).add(NAV)
                .add("<main id=\"main\"><ol class=\"breadcrumbs\"><li><a href=\"/\">Home</a></li><li><a href=\"/c/").add(p.category())
                .add("?page=1\">").add(capital(p.category())).add("</a></li><li>").add(name).add("</li></ol>\n")
                .add("<div class=\"product\"><div class=\"gallery\"><img src=\"https://cdn.shop.test/img/").add(p.sku())
                .add("-1.jpg\" alt=\"").add(name).add("\" width=\"800\" height=\"800\"></div><div class=\"info\"><h1 class=\"title\">")
                .add(name).add("</h1><p class=\"vendor\">").add(html(p.brand())).add("</p><p class=\"price\"><span class=\"money\">")
                .add(symbol(p.currency())).add(price).add("</span></p><p class=\"sku\">SKU: ").add(p.sku())
                .add("</p><form action=\"/cart/add\" method=\"post\"><input type=\"hidden\" name=\"id\" value=\"").add(p.id())
                .add("\"><button type=\"submit\" class=\"add\">Add to cart</button></form></div></div>\n<section class=\"description\">");
        long h = Mix.hash(p.id(), 17, 3);
        // Paragraphs and reviews fill the description while the rest surely fits (its bound is
        // TAIL_BOUND); then an HTML comment before </section> pads the page to exactly pageBytes.
        int target = pageStart + p.pageBytes();
        int i = 0;
        while (true) {
            byte[] next = i % 3 == 2 ? REVIEWS[Mix.pick(h, i, REVIEWS.length)] : PARAGRAPHS[Mix.pick(h, i, PARAGRAPHS.length)];
            if (b.length + next.length + TAIL_BOUND + MIN_PAD > target) {
                break;
            }
            b.add(next);
            i++;
        }
        int padAt = b.length;
        b.add("</section>\n<table class=\"specs\"><tr><th>Brand</th><td>").add(html(p.brand())).add("</td></tr><tr><th>Category</th><td>")
                .add(p.category()).add("</td></tr><tr><th>Item</th><td>").add(p.id()).add("</td></tr></table>\n")
                .add("<script type=\"application/ld+json\">\n{\"@context\":\"https://schema.org/\",\"@type\":\"Product\",\"name\":\"")
                .add(json(p.name())).add("\",\"sku\":\"").add(p.sku()).add("\",\"brand\":{\"@type\":\"Brand\",\"name\":\"").add(json(p.brand()))
                .add("\"},\"image\":[\"https://cdn.shop.test/img/").add(p.sku()).add("-1.jpg\"],\"description\":\"A ")
                .add(json(p.name())).add(" from the ").add(p.category()).add(" range.\",\"offers\":{\"@type\":\"Offer\",\"url\":\"")
                .add(base).add(p.path()).add("\",\"price\":\"").add(price).add("\",\"priceCurrency\":\"").add(p.currency())
                .add("\",\"availability\":\"").add(p.availability()).add("\",\"itemCondition\":\"https://schema.org/NewCondition\"}}\n</script>\n")
                .add("</main>\n").add(FOOTER);
        int pad = target - b.length;
        if (pad < MIN_PAD || pad > PAD.length + 7) {
            throw new IllegalStateException("page of " + p.path() + " cannot be padded to " + p.pageBytes() + " bytes: pad " + pad);
        }
        b.insert(padAt, pad);
        System.arraycopy(PAD_OPEN, 0, b.bytes, padAt, 4);
        System.arraycopy(PAD, 0, b.bytes, padAt + 4, pad - 7);
        System.arraycopy(PAD_CLOSE, 0, b.bytes, padAt + pad - 3, 3);
    }

    /** Page {@code page} (1-based) of a category: links to its products and to the next page. */
    static void listing(PageBuffer b, Catalogue catalogue, String category, int index, long page) {
        b.add("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").add(capital(category))
                .add(" | Demo Shop</title>\n").add(HEAD_END).add(NAV).add("<main id=\"main\"><h1>").add(capital(category))
                .add("</h1><ul class=\"grid\">\n");
        int n = Catalogue.CATEGORIES.length;
        long first = index + (page - 1) * PER_LISTING_PAGE * (long) n;
        long id = first;
        for (int i = 0; i < PER_LISTING_PAGE && id < catalogue.size(); i++, id += n) {
            CatalogueProduct p = catalogue.product(id);
            b.add("<li class=\"card\"><a class=\"product-link\" href=\"").add(p.path()).add("\">").add(html(p.name()))
                    .add("</a><span class=\"money\">").add(symbol(p.currency())).add(p.price().toPlainString()).add("</span></li>\n");
        }
        b.add("</ul>");
        if (id < catalogue.size()) {
            b.add("<a rel=\"next\" class=\"next\" href=\"/c/").add(category).add("?page=").add(page + 1).add("\">Next page</a>");
        }
        b.add("</main>\n").add(FOOTER);
    }

    static void home(PageBuffer b) {
        b.add("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Demo Shop</title>\n").add(HEAD_END).add(NAV)
                .add("<main id=\"main\"><h1>Demo Shop</h1><ul>");
        for (String c : Catalogue.CATEGORIES) {
            b.add("<li><a href=\"/c/").add(c).add("?page=1\">").add(capital(c)).add("</a></li>");
        }
        b.add("</ul></main>\n").add(FOOTER);
    }

    static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String json(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '<' -> out.append("\\u003c");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String symbol(String currency) {
        return switch (currency) {
            case "USD" -> "$";
            case "EUR" -> "€";
            case "GBP" -> "£";
            default -> currency + " ";
        };
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static byte[] bytes(CharSequence s) {
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }
}
