package dev.trawl.demoshop;

import java.nio.charset.StandardCharsets;

/**
 * The HTML every page shares, built once as bytes: head styles and scripts, navigation, footer,
 * and the description and review paragraphs product pages are filled with. Also the home page,
 * and the escaping helpers. Product and listing pages are {@link ProductPage} and {@link ListingPage}.
 */
final class Pages {
    static final byte[] HEAD_END;
    static final byte[] NAV;
    static final byte[] FOOTER;
    static final byte[][] PARAGRAPHS = new byte[48][];
    static final byte[][] REVIEWS = new byte[32][];
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

    /** The start of every page, up to its title. */
    static void open(PageBuffer b, String title) {
        b.add("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").add(title).add("</title>\n");
    }

    static void home(PageBuffer b) {
        open(b, "Demo Shop");
        b.add(HEAD_END).add(NAV).add("<main id=\"main\"><h1>Demo Shop</h1><ul>");
        for (String c : Catalogue.CATEGORIES) {
            b.add("<li><a href=\"/c/").add(c).add("?page=1\">").add(capital(c)).add("</a></li>");
        }
        b.add("</ul></main>\n").add(FOOTER);
    }

    static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static byte[] bytes(CharSequence s) {
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }
}
