package dev.trawl.fetch;

/** When a page is rendered in the browser rather than only fetched. */
public enum RenderMode {
    /** Never: pages are only fetched. */
    NEVER,
    /**
     * Fetched first; rendered only when a product page yielded no product and looks built by
     * scripts (an app shell, little text). A host whose such pages do render to products is then
     * rendered directly; one whose renders find nothing is no longer rendered.
     */
    AUTO,
    /** Every page (not robots.txt or sitemaps) is rendered instead of fetched. */
    ALWAYS
}
