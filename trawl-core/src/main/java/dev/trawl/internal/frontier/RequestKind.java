package dev.trawl.internal.frontier;

import dev.trawl.crawl.Seed;

/** What a request is for, which decides what the engine does with its response. */
public enum RequestKind {
    /** A page to extract products from; its links are not followed. */
    PAGE,
    /** A page to extract products from and follow links from, by the crawl's link rules. */
    START,
    /** A sitemap or sitemap index: its URLs enter the frontier. */
    SITEMAP,
    /** A host's robots.txt: fetched once per host before any other request to it; no outcome of its own. */
    ROBOTS,
    /** A site's front door: once its robots.txt is known, its sitemaps (or /sitemap.xml) enter the frontier. Never fetched. */
    SITE;

    /** The request a seed of this kind becomes. */
    public static RequestKind of(Seed.Kind kind) {
        return switch (kind) {
            case PAGE -> PAGE;
            case START -> START;
            case SITEMAP -> SITEMAP;
            case SITE -> SITE;
        };
    }
}
