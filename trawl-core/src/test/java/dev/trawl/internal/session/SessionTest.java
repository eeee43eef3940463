package dev.trawl.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A session's jar keeps cookies as RFC 6265 says a browser does. */
class SessionTest {

    private static String cookie(Session s, String url) {
        return s.forRequest(URI.create(url), true).cookie();
    }

    @Test
    void pathDomainSecureAndExpiryHold() {
        Session s = new Session("s1", "http://shop.example.com");
        URI from = URI.create("http://shop.example.com/shop"); // its default path is /
        s.received(from, List.of("a=1; Path=/shop", "b=2; Domain=example.com", "c=3; Domain=other.example", "d=4; Secure",
                "e=5; Domain=com", "f=6; Max-Age=3600"));
        assertEquals("a=1; b=2; f=6", cookie(s, "http://shop.example.com/shop/p/2"));
        assertEquals("b=2; f=6", cookie(s, "http://shop.example.com/cart"));
        assertEquals("b=2", cookie(s, "http://www.example.com/"), "a Domain cookie goes to the domain's other hosts; a host-only one does not");
        assertEquals("b=2; d=4; f=6", cookie(s, "https://shop.example.com/account"), "a Secure cookie goes over https only");
        assertNull(cookie(s, "http://other.example/"), "a cookie for another site is refused");
        s.received(from, List.of("f=gone; Max-Age=0", "b=; Domain=example.com; Expires=Thu, 01 Jan 1970 00:00:00 GMT"));
        assertEquals("a=1", cookie(s, "http://shop.example.com/shop/p/3"), "an expired cookie deletes its namesake");
    }

    @Test
    void theJarIsBoundedAndARetiredSessionKeepsNothing() {
        Session s = new Session("s2", "http://shop.example.com");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add("k" + i + "=v");
        }
        s.received(URI.create("http://shop.example.com/"), many);
        assertEquals(Session.MAX_COOKIES, cookie(s, "http://shop.example.com/").split("; ").length);
        s.retire();
        assertNull(cookie(s, "http://shop.example.com/"));
        s.received(URI.create("http://shop.example.com/"), List.of("late=1"));
        assertNull(cookie(s, "http://shop.example.com/"));
    }
}
