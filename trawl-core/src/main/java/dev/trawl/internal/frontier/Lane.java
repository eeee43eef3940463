package dev.trawl.internal.frontier;



/** The frontier's two queues in a store: pages, and sitemaps (read only when pages run low). */
public enum Lane {
    PAGES, SITEMAPS;

    public static Lane of(RequestKind kind) {
        return kind == RequestKind.SITEMAP ? SITEMAPS : PAGES;
    }
}
