package dev.trawl.crawl;

import dev.trawl.internal.frontier.RequestKind;

/**
 * One seed as given by the user, before validation.
 *
 * @param text   the URL text, trimmed
 * @param source where it came from, for messages: {@code urls.txt:12}, {@code stdin:3}, {@code list:0}
 * @param kind   what the URL is: a page ({@link RequestKind#PAGE}), a start page whose links are followed
 *               ({@link RequestKind#START}), a sitemap ({@link RequestKind#SITEMAP}) or a site's root
 *               ({@link RequestKind#SITE}: its robots.txt's sitemaps, else /sitemap.xml)
 */
public record Seed(String text, String source, RequestKind kind) {
    public Seed(String text, String source) {
        this(text, source, RequestKind.PAGE);
    }
}
