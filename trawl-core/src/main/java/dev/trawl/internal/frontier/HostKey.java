package dev.trawl.internal.frontier;

import java.net.URI;
import java.util.Locale;

/** The politeness key of a URL: lower-case scheme and host with an explicit port. */
public final class HostKey {
    private HostKey() {}

    public static String of(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        if (port < 0) {
            port = scheme.equals("https") ? 443 : 80;
        }
        return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }
}
