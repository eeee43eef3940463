package dev.trawl.fetch;

/**
 * The session one request goes out in, as a {@link Transport} sees it.
 *
 * @param id     the session's name, once it has state of its own (a cookie, a proxy); a transport that pools
 *               connections keeps them apart by it. Null: the request may share any connection
 * @param cookie the {@code Cookie} header the session has for this request's URL; null for none
 * @param proxy  the proxy the session goes through; null: direct
 */
public record RequestSession(String id, String cookie, ProxyServer proxy) {

    public RequestSession(String id, String cookie) {
        this(id, cookie, null);
    }
}
