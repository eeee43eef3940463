package dev.trawl.demoshop;

/**
 * {@code /as-written/}: a page whose links are written as shops write them, not as RFC 3986 wants
 * them (a raw space, raw non-ASCII and its escaped spellings, backslashes, {@code |} and braces,
 * a link no URL can be made of, a {@code mailto:}); every other path under {@code /as-written/}
 * answers a small page, so a crawler's requests for them can be counted ({@link DemoShop#requestsFor}
 * counts by the request target as sent).
 */
final class AsWrittenLinks {
    static final String PREFIX = "/as-written/";

    private AsWrittenLinks() {}

    /** The page of links at the prefix itself, else a page with no links. */
    static String page(String path) {
        if (!path.equals(PREFIX)) {
            return "<!doctype html><html><head><meta charset=\"utf-8\"><title>As written</title></head><body>"
                    + "<p>A page linked as written.</p></body></html>";
        }
        return """
                <!doctype html><html><head><meta charset="utf-8"><title>Links as shops write them</title></head><body>
                <a href="/as-written/red shoes?colour=dark red">a raw space in path and query</a>
                <a href="/as-written/café">raw non-ASCII</a>
                <a href="/as-written/caf%C3%A9">the same, escaped</a>
                <a href="/as-written/caf%c3%a9">the same, escaped in lower case</a>
                <a href="\\as-written\\shelf">backslashes</a>
                <a href="/as-written/a|b?x={1}">a pipe and braces</a>
                <a href="http://[::1/as-written/broken">no valid URL</a>
                <a href="mailto:shop@example.test">mail</a>
                </body></html>
                """;
    }
}
