package dev.trawl.internal.discover;

import dev.trawl.crawl.FailureReason;
import java.net.URI;

/**
 * Turns text (a seed, a link's {@code href}, a redirect's {@code Location}, a sitemap's
 * {@code <loc>}) into the URL trawl requests, read as browsers read it ({@link WebUrl}), or says
 * exactly why it cannot.
 */
public final class SeedUrls {
    private SeedUrls() {}

    /** The outcome of parsing one text: a URL to request (without fragment), or a reason and a message. */
    public record Parsed(URI url, FailureReason reason, String message) {
        public boolean ok() {
            return url != null;
        }
    }

    /** An absolute URL. */
    public static Parsed parse(String text) {
        return resolve(text, (WebUrl) null);
    }

    /** A reference made absolute against {@code base}, a URL trawl requested. */
    public static Parsed resolve(String reference, URI base) {
        try {
            return resolve(reference, WebUrl.of(base));
        } catch (WebUrl.Invalid e) {
            return bad(e.reason(), "the base URL " + base + " is not usable: " + e.getMessage());
        }
    }

    /** A reference made absolute against {@code base} (null: it must be absolute). */
    public static Parsed resolve(String reference, WebUrl base) {
        try {
            return new Parsed(WebUrl.parse(reference, base).toUri(), null, null);
        } catch (WebUrl.Invalid e) {
            return bad(e.reason(), e.getMessage());
        }
    }

    private static Parsed bad(FailureReason reason, String message) {
        return new Parsed(null, reason, message);
    }
}
