package dev.trawl.demoshop;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The sitemap index and its children, written as they stream out, never built whole. */
final class Sitemaps {
    private static final String LASTMOD = "2026-11-01";

    private Sitemaps() {}

    static int children(long products, int childSize) {
        return (int) ((products + childSize - 1) / childSize);
    }

    /** Odd children are listed (and best fetched) gzipped, even ones plain, so both kinds are exercised. */
    static String childPath(int k) {
        return "/sitemaps/products-" + k + (k % 2 == 1 ? ".xml.gz" : ".xml");
    }

    static void index(OutputStream out, String base, long products, int childSize) throws IOException {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (int k = 1; k <= children(products, childSize); k++) {
            s.append("  <sitemap><loc>").append(base).append(childPath(k).substring(1)).append("</loc><lastmod>")
                    .append(LASTMOD).append("</lastmod></sitemap>\n");
        }
        out.write(s.append("</sitemapindex>\n").toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Child {@code k}: its products' URLs; the first child starts with the drafts' (robots.txt disallows them). */
    static void child(OutputStream out, String base, Catalogue catalogue, Drafts drafts, int k, int childSize) throws IOException {
        out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n").getBytes(StandardCharsets.UTF_8));
        long from = (long) (k - 1) * childSize;
        long to = Math.min(catalogue.size(), from + childSize);
        StringBuilder s = new StringBuilder(8192);
        if (k == 1) {
            for (String draft : drafts.paths()) {
                s.append("  <url><loc>").append(base).append(draft).append("</loc><lastmod>").append(LASTMOD).append("</lastmod></url>\n");
            }
        }
        for (long id = from; id < to; id++) {
            s.append("  <url><loc>").append(base).append("/p/").append(id).append("</loc><lastmod>").append(LASTMOD)
                    .append("</lastmod></url>\n");
            if (s.length() > 7000) {
                out.write(s.toString().getBytes(StandardCharsets.UTF_8));
                s.setLength(0);
            }
        }
        out.write(s.append("</urlset>\n").toString().getBytes(StandardCharsets.UTF_8));
    }
}
