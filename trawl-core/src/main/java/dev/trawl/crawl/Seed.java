package dev.trawl.crawl;

/**
 * One seed as given by the user, before validation.
 *
 * @param text   the URL text, trimmed
 * @param source where it came from, for messages: {@code urls.txt:12}, {@code stdin:3}, {@code list:0}
 * @param kind   what the URL is
 */
public record Seed(String text, String source, Kind kind) {

    /** What a seed URL is, which decides what the crawl does with it. */
    public enum Kind {
        /** A page to read products from; its links are not followed. */
        PAGE,
        /** A start page: its products read and its links followed by the crawl's link rules. */
        START,
        /** A sitemap or sitemap index (plain or gzipped): every page it lists is crawled. */
        SITEMAP,
        /** A site's root: its robots.txt's {@code Sitemap:} lines are crawled, else /sitemap.xml. */
        SITE
    }

    /** A page seed. */
    public Seed(String text, String source) {
        this(text, source, Kind.PAGE);
    }
}
