package dev.trawl.internal.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trawl.discover.LinkRules;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where redirects and sitemap entries may go: the named hosts by default, any host but the forbidden addresses when allowed. */
class DestinationsTest {
    private static final URI FROM = URI.create("https://shop.example/p/1");
    private static final LinkRules ALLOW_CDN = new LinkRules(Set.of("cdn.example"), List.of(), List.of(), List.of(), List.of(), 2);

    private static String refusal(Destinations d, String to) {
        return d.refusal(FROM, URI.create(to));
    }

    @Test
    void byDefaultOnlyTheHostItselfItsWwwTwinAndTheAllowedHosts() {
        Destinations d = new Destinations(ALLOW_CDN, false);
        for (String ok : List.of("https://shop.example/p/2", "http://SHOP.example:8080/p/2", "https://shop.example./p/2",
                "https://www.shop.example/p/2", "https://cdn.example/p/2")) {
            assertNull(refusal(d, ok), ok);
        }
        for (String no : List.of("https://other.example/", "https://www.www.shop.example/", "https://shop.example.evil/",
                "https://sub.shop.example/", "http://localhost/", "http://127.0.0.1/", "http://2130706433/", "http://0.0.0.0/",
                "http://169.254.169.254/latest/meta-data/")) {
            assertNotNull(refusal(d, no), no);
        }
        Destinations fromWww = new Destinations(LinkRules.DEFAULT, false);
        assertNull(fromWww.refusal(URI.create("https://www.shop.example/"), URI.create("https://shop.example/")));
    }

    @Test
    void aHostTheUserNamedIsAllowedWhateverItsAddress() {
        Destinations d = new Destinations(LinkRules.DEFAULT, false);
        assertNull(d.refusal(URI.create("http://169.254.169.254/"), URI.create("http://169.254.169.254/latest/")));
    }

    @Test
    void anyHostButLinkLocalUnspecifiedAndMulticastInAnySpelling() {
        Destinations d = new Destinations(LinkRules.DEFAULT, true);
        for (String ok : List.of("https://other.example/", "http://127.0.0.1/", "http://2130706433/", "http://10.0.0.1/",
                "http://[::1]/", "http://www.169.254.169.254.example/")) {
            assertNull(refusal(d, ok), ok);
        }
        assertEquals("host 169.254.169.254 is a link-local address", refusal(d, "http://169.254.169.254/latest/meta-data/"));
        for (String linkLocal : List.of("http://2852039166/", "http://169.254.43518/", "http://0xa9fea9fe/", "http://0251.0376.0251.0376/",
                "http://[::ffff:169.254.169.254]/", "http://[fe80::1]/", "http://169.254.169.254./")) {
            assertEquals("link-local", forbidden(linkLocal), linkLocal);
        }
        for (String unspecified : List.of("http://0.0.0.0/", "http://0/", "http://0.1.2.3/", "http://[::]/")) {
            assertEquals("unspecified", forbidden(unspecified), unspecified);
        }
        for (String multicast : List.of("http://224.0.0.1/", "http://239.255.255.250/", "http://[ff02::1]/")) {
            assertEquals("multicast", forbidden(multicast), multicast);
        }
    }

    /** The host as java.net.URI reads it; one it reads none in (169.254.43518, 0xa9fea9fe) never gets this far, and is checked as written. */
    private static String forbidden(String url) {
        URI u = URI.create(url);
        return HostLiterals.forbidden(u.getHost() != null ? u.getHost() : u.getAuthority());
    }
}
