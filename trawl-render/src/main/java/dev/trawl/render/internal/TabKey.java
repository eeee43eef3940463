package dev.trawl.render.internal;

import dev.trawl.fetch.ProxyServer;

/**
 * What a tab (and its browser context) is kept for: an origin (scheme://host:port), and the
 * session whose pages it renders, with that session's proxy. A null session is the origin's
 * shared tab, as without sessions. Its {@link #toString()} shows the proxy as trawl prints one,
 * without its password.
 *
 * @param origin  scheme://host:port
 * @param session the session's id; null for none
 * @param proxy   the proxy the context goes through; null: direct
 */
record TabKey(String origin, String session, ProxyServer proxy) {

    /** A tab of a session: disposed when the session has not been seen for a while. */
    boolean ofSession() {
        return session != null || proxy != null;
    }

    @Override
    public String toString() {
        return origin + (session == null ? "" : " session " + session) + (proxy == null ? "" : " via " + proxy);
    }
}
