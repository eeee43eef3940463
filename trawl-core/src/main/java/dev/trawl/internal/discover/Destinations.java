package dev.trawl.internal.discover;

import dev.trawl.discover.LinkRules;
import java.net.URI;
import java.util.Locale;

/**
 * Where a redirect or a sitemap may send the crawl (what {@link LinkRules#hostAllowed} decides
 * for links). By default only to hosts the user named: the host of the URL the request started
 * from (a seed, a sitemap, the page that linked it), that host with or without a leading
 * {@code www.} (sites send one to the other), and the {@link LinkRules#allowedHosts()}. Hosts
 * are compared as links compare them: by name, case aside (and a trailing dot), whatever the
 * scheme and port. With {@code anyHost} every host is allowed but those whose IP literal is
 * link-local, unspecified or multicast ({@link HostLiterals}), which no public page lives at. No
 * DNS is done: a name that resolves to such an address is not caught (allow hosts by name).
 */
public final class Destinations {
    private final LinkRules rules;
    private final boolean anyHost;

    public Destinations(LinkRules rules, boolean anyHost) {
        this.rules = rules;
        this.anyHost = anyHost;
    }

    /** Null when a request that started at {@code from} may go on to {@code to}; else why not, for people. */
    public String refusal(URI from, URI to) {
        String fromHost = normal(from.getHost());
        String host = normal(to.getHost());
        if (sameSite(fromHost, host) || rules.hostAllowed(fromHost, host)) {
            return null;
        }
        if (!anyHost) {
            return "host " + host + " is not " + fromHost + " nor an allowed host (allow it with --allow-host, or every host with"
                    + " --allow-offsite)";
        }
        String forbidden = HostLiterals.forbidden(host);
        return forbidden == null ? null : "host " + host + " is a " + forbidden + " address";
    }

    private static boolean sameSite(String a, String b) {
        return a.equals(b) || !HostLiterals.isLiteral(a) && !HostLiterals.isLiteral(b)
                && (a.equals("www." + b) || b.equals("www." + a));
    }

    private static String normal(String host) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
