package dev.trawl.fetch;

/**
 * How a crawl keeps sessions: a session is one cookie jar (and, on trawl's own transport, its own
 * connections), used for a run of requests to one target host, as a browser would. Cookies a
 * site sets (RFC 6265: domain, path, expiry, Secure, across redirects) go back on the session's
 * later requests. A session retires after {@code maxUses} requests, after a block, or after
 * {@code maxErrors} network errors in a row; its cookies are dropped and its connections never
 * serve another session.
 *
 * @param cookies   whether cookies are kept and sent; false: no session state at all
 * @param perHost   sessions in use at once per target host
 * @param maxUses   requests a session makes before it retires
 * @param maxErrors network errors in a row that retire a session
 */
public record SessionPolicy(boolean cookies, int perHost, int maxUses, int maxErrors) {

    /** Sessions on: 4 per host, 50 requests each, retired after 3 network errors in a row. */
    public static final SessionPolicy DEFAULT = new SessionPolicy(true, 4, 50, 3);

    /** No cookies, no sessions: every request stands alone. */
    public static final SessionPolicy OFF = new SessionPolicy(false, 1, Integer.MAX_VALUE, Integer.MAX_VALUE);

    /** The same, retiring sessions after {@code maxUses} requests. */
    public SessionPolicy withMaxUses(int maxUses) {
        return new SessionPolicy(cookies, perHost, maxUses, maxErrors);
    }
}
