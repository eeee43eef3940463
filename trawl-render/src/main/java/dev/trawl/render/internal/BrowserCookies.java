package dev.trawl.render.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cookies between a session and a browser context: a session's {@code Cookie} header made into
 * the DevTools' cookie parameters, and the context's cookies (Storage.getCookies) made into
 * {@code Set-Cookie} values (RFC 6265, as a server would send them) for the session's jar.
 */
final class BrowserCookies {

    /** A cookie as the browser holds it, by its identity (name, domain, path) and as a Set-Cookie value. */
    record Held(String name, String domain, String path, String setCookie) {
        String identity() {
            return name + "\u0000" + domain + "\u0000" + path;
        }
    }

    private static final DateTimeFormatter EXPIRES = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private BrowserCookies() {}

    /** The name=value pairs of a {@code Cookie} header, in order; a pair without a name is skipped. */
    static List<Map.Entry<String, String>> pairs(String cookieHeader) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (cookieHeader == null) {
            return pairs;
        }
        for (String part : cookieHeader.split(";")) {
            int eq = part.indexOf('=');
            String name = (eq < 0 ? part : part.substring(0, eq)).strip();
            if (!name.isEmpty()) {
                pairs.add(Map.entry(name, eq < 0 ? "" : part.substring(eq + 1).strip()));
            }
        }
        return pairs;
    }

    /** The pairs as Storage.setCookies' cookies: on the URL's host only (no Domain), path {@code /}. */
    static ArrayNode params(URI url, List<Map.Entry<String, String>> pairs) {
        ArrayNode cookies = CdpConnection.JSON.createArrayNode();
        String origin = url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getRawAuthority() + "/";
        for (Map.Entry<String, String> pair : pairs) {
            cookies.addObject().put("name", pair.getKey()).put("value", pair.getValue()).put("url", origin).put("path", "/");
        }
        return cookies;
    }

    /** The context's cookies that a request to {@code host} may carry (any path), by identity. */
    static Map<String, Held> forHost(JsonNode cookies, String host) {
        Map<String, Held> held = new LinkedHashMap<>();
        for (JsonNode c : cookies) {
            String domain = c.path("domain").asText("");
            if (!domainMatches(host, domain)) {
                continue;
            }
            Held h = new Held(c.path("name").asText(""), domain, c.path("path").asText("/"), setCookie(c));
            held.put(h.identity(), h);
        }
        return held;
    }

    /**
     * What changed from {@code before} to {@code after}: cookies new or changed as they are now, and
     * cookies gone (deleted by the page, or expired) as a Set-Cookie that deletes them ({@code Max-Age=0}).
     */
    static List<String> changes(Map<String, Held> before, Map<String, Held> after) {
        List<String> changes = new ArrayList<>();
        for (Held now : after.values()) {
            Held was = before.get(now.identity());
            if (was == null || !was.setCookie().equals(now.setCookie())) {
                changes.add(now.setCookie());
            }
        }
        for (Held was : before.values()) {
            if (!after.containsKey(was.identity())) {
                changes.add(was.name() + "=" + domainAttribute(was.domain()) + "; Path=" + was.path() + "; Max-Age=0");
            }
        }
        return changes;
    }

    /** Whether name=value is among the cookies held (so it need not be set again). */
    static boolean holds(Map<String, Held> held, String name, String value) {
        for (Held h : held.values()) {
            if (h.name().equals(name) && h.setCookie().startsWith(name + "=" + value + ";")) {
                return true;
            }
        }
        return false;
    }

    /** A DevTools cookie as a Set-Cookie value: a host-only cookie has no Domain, a domain cookie ({@code .shop.example}) has one. */
    static String setCookie(JsonNode c) {
        StringBuilder s = new StringBuilder().append(c.path("name").asText("")).append('=').append(c.path("value").asText(""));
        s.append(domainAttribute(c.path("domain").asText("")));
        s.append("; Path=").append(c.path("path").asText("/"));
        double expires = c.path("expires").asDouble(-1);
        if (!c.path("session").asBoolean(false) && expires > 0) {
            s.append("; Expires=").append(EXPIRES.format(Instant.ofEpochSecond((long) expires)));
        }
        if (c.path("secure").asBoolean(false)) {
            s.append("; Secure");
        }
        if (c.path("httpOnly").asBoolean(false)) {
            s.append("; HttpOnly");
        }
        String sameSite = c.path("sameSite").asText("");
        if (!sameSite.isEmpty()) {
            s.append("; SameSite=").append(sameSite);
        }
        return s.toString();
    }

    private static String domainAttribute(String domain) {
        return domain.startsWith(".") ? "; Domain=" + domain.substring(1) : "";
    }

    static boolean domainMatches(String host, String domain) {
        String h = host.toLowerCase(Locale.ROOT);
        String d = domain.toLowerCase(Locale.ROOT);
        if (d.startsWith(".")) {
            return h.equals(d.substring(1)) || h.endsWith(d);
        }
        return h.equals(d);
    }

    /** Storage.getCookies' parameters for one context. */
    static ObjectNode ofContext(String contextId) {
        return CdpConnection.params().put("browserContextId", contextId);
    }
}
