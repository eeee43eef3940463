package dev.trawl.internal.fetch;

import dev.trawl.internal.discover.PercentEncoding;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A URL's {@code user:password@} as an HTTP Basic {@code Authorization} header, sent with the
 * request as curl sends it (browsers wait for a 401 to send it; trawl does not retry on one),
 * and the URL without it, which is what the clients take: Apache HttpClient refuses a URI with
 * user info, the JDK's client ignores it. User and password are percent-decoded as UTF-8.
 */
final class BasicCredentials {
    private BasicCredentials() {}

    /** The header value, or null when the URL has no user info. */
    static String header(URI url) {
        String info = url.getRawUserInfo();
        if (info == null) {
            return null;
        }
        int colon = info.indexOf(':');
        String user = decoded(colon < 0 ? info : info.substring(0, colon));
        String password = colon < 0 ? "" : decoded(info.substring(colon + 1));
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The URL without its user info (the same URL when it has none). */
    static URI withoutUserInfo(URI url) {
        if (url.getRawUserInfo() == null) {
            return url;
        }
        String text = url.toString();
        int at = text.indexOf('@', url.getScheme().length() + 3); // the user info holds no raw @
        try {
            return new URI(url.getScheme() + "://" + text.substring(at + 1));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("a URI without its user info is a URI: " + e.getMessage(), e);
        }
    }

    private static String decoded(String s) {
        return new String(PercentEncoding.decode(s), StandardCharsets.UTF_8);
    }
}
