package dev.trawl.fetch;

/**
 * The session one request goes out in, as a {@link Transport} sees it.
 *
 * @param id     the session's name; a transport that pools connections keeps them apart by it
 * @param cookie the {@code Cookie} header the session has for this request's URL; null for none
 */
public record RequestSession(String id, String cookie) {}
