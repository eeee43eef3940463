package dev.trawl.render.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.hc.client5.http.cookie.Cookie;
import org.apache.hc.client5.http.cookie.CookieOrigin;
import org.apache.hc.client5.http.cookie.CookieSpec;
import org.apache.hc.client5.http.impl.cookie.RFC6265CookieSpecFactory;
import org.apache.hc.client5.http.psl.PublicSuffixMatcherLoader;
import org.apache.hc.core5.http.message.BasicHeader;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The browser's cookies as Set-Cookie values, read back by the same cookie spec as trawl's sessions (HttpClient 5, RFC 6265). */
class BrowserCookiesTest {

    private static final CookieSpec SPEC = new RFC6265CookieSpecFactory(PublicSuffixMatcherLoader.getDefault()).create(null);

    private static JsonNode json(String text) throws Exception {
        return CdpConnection.JSON.readTree(text);
    }

    private static Cookie parsed(String setCookie, CookieOrigin origin) throws Exception {
        List<Cookie> cookies = SPEC.parse(new BasicHeader("Set-Cookie", setCookie), origin);
        assertEquals(1, cookies.size());
        SPEC.validate(cookies.getFirst(), origin);
        return cookies.getFirst();
    }

    @Test
    void aDomainCookieKeepsItsDomainAndAHostOnlyOneHasNone() throws Exception {
        CookieOrigin origin = new CookieOrigin("www.shop.example", 443, "/p/1", true);
        String domain = BrowserCookies.setCookie(json("""
                {"name":"cart","value":"a b","domain":".shop.example","path":"/","expires":1893456000.5,"session":false,
                 "secure":true,"httpOnly":true,"sameSite":"Lax"}"""));
        assertEquals("cart=a b; Domain=shop.example; Path=/; Expires=Tue, 01 Jan 2030 00:00:00 GMT; Secure; HttpOnly; SameSite=Lax", domain);
        Cookie c = parsed(domain, origin);
        assertEquals("shop.example", c.getDomain());
        assertTrue(c.isSecure());
        // HttpOnly is in the value (above); HttpClient 5.5's lax spec does not record it on the cookie, nor need it
        assertEquals(Instant.parse("2030-01-01T00:00:00Z"), c.getExpiryInstant());
        assertTrue(SPEC.match(c, new CookieOrigin("shop.example", 443, "/", true)));

        String hostOnly = BrowserCookies.setCookie(json("""
                {"name":"sid","value":"42","domain":"www.shop.example","path":"/p","expires":-1,"session":true}"""));
        assertEquals("sid=42; Path=/p", hostOnly);
        Cookie h = parsed(hostOnly, origin);
        assertEquals(null, h.getExpiryInstant());
        assertFalse(SPEC.match(h, new CookieOrigin("shop.example", 443, "/p", true)), "host-only: not for the parent domain");
    }

    @Test
    void changesAreTheNewTheChangedAndTheDeleted() throws Exception {
        JsonNode before = json("""
                [{"name":"a","value":"1","domain":"shop.example","path":"/"},
                 {"name":"b","value":"1","domain":"shop.example","path":"/"},
                 {"name":"gone","value":"1","domain":".shop.example","path":"/x"},
                 {"name":"elsewhere","value":"1","domain":"other.example","path":"/"}]""");
        JsonNode after = json("""
                [{"name":"a","value":"1","domain":"shop.example","path":"/"},
                 {"name":"b","value":"2","domain":"shop.example","path":"/"},
                 {"name":"c","value":"3","domain":"shop.example","path":"/"},
                 {"name":"elsewhere","value":"2","domain":"other.example","path":"/"}]""");
        Map<String, BrowserCookies.Held> was = BrowserCookies.forHost(before, "shop.example");
        Map<String, BrowserCookies.Held> now = BrowserCookies.forHost(after, "shop.example");
        assertEquals(3, was.size(), "another site's cookie is not the host's");
        assertEquals(List.of("b=2; Path=/", "c=3; Path=/", "gone=; Domain=shop.example; Path=/x; Max-Age=0"),
                BrowserCookies.changes(was, now));
        assertTrue(BrowserCookies.holds(now, "b", "2"));
        assertFalse(BrowserCookies.holds(now, "b", "1"));
        assertFalse(BrowserCookies.holds(now, "elsewhere", "2"));
    }

    @Test
    void aCookieHeaderIsReadAsItsPairsAndSetOnTheUrlsHost() {
        var pairs = BrowserCookies.pairs("a=1; b=x=y;  ;c=; =bad; d");
        assertEquals(List.of(Map.entry("a", "1"), Map.entry("b", "x=y"), Map.entry("c", ""), Map.entry("d", "")), pairs);
        JsonNode params = BrowserCookies.params(URI.create("https://shop.example:8443/p/1?q"), pairs.subList(0, 1));
        assertEquals("[{\"name\":\"a\",\"value\":\"1\",\"url\":\"https://shop.example:8443/\",\"path\":\"/\"}]", params.toString());
    }
}
