package dev.trawl.internal.text;

import java.util.regex.Pattern;

/**
 * Passwords in URLs are never printed: in every line trawl writes (outcome and product lines,
 * warnings, proxies), the password of a URL's {@code user:password@} (http, https, a proxy's
 * socks5, any scheme) reads {@code ***}. The user name stays, to tell the lines apart. The request
 * itself still carries it.
 */
public final class UrlPasswords {
    /** A URL's start up to its user name and colon, the password (to the authority's last @), and that @. */
    private static final Pattern PASSWORD = Pattern.compile(
            "(?i)(\\b(?:https?:[/\\\\]*|[a-z][a-z0-9+.-]*://)[^\\s/?#\\\\@:]*:)[^\\s/?#\\\\]+@");

    private UrlPasswords() {}

    /** The text with the password of each URL in it replaced by {@code ***}; null as null. */
    public static String hidden(String text) {
        if (text == null || text.indexOf('@') < 0) {
            return text;
        }
        return PASSWORD.matcher(text).replaceAll("$1***@");
    }
}
