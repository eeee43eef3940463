package dev.trawl.internal.discover;

import dev.trawl.crawl.FailureReason;
import dev.trawl.internal.text.ControlChars;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Turns seed text into a request URL, or says exactly why it cannot. */
public final class SeedUrls {
    private SeedUrls() {}

    /** The outcome of parsing one seed: a URL, or a reason and a message. */
    public record Parsed(URI url, FailureReason reason, String message) {
        public boolean ok() {
            return url != null;
        }
    }

    public static Parsed parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return bad(FailureReason.INVALID_URL, "not a valid URL: " + e.getReason() + " at index " + e.getIndex());
        }
        String scheme = uri.getScheme();
        if (scheme == null) {
            return bad(FailureReason.INVALID_URL, "not an absolute URL (no scheme such as http://)");
        }
        String s = scheme.toLowerCase(Locale.ROOT);
        if (!s.equals("http") && !s.equals("https")) {
            return bad(FailureReason.UNSUPPORTED_SCHEME, "unsupported scheme '" + ControlChars.shown(scheme) + "' (only http and https)");
        }
        if (uri.getHost() == null) {
            return bad(FailureReason.INVALID_URL, "no host in URL");
        }
        if (uri.getRawPath() == null || uri.getRawPath().isEmpty()) {
            uri = uri.resolve("/");
        }
        return new Parsed(uri, null, null);
    }

    private static Parsed bad(FailureReason reason, String message) {
        return new Parsed(null, reason, message);
    }
}
