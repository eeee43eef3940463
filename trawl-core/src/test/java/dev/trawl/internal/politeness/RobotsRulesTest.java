package dev.trawl.internal.politeness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.crawl.FailureReason;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RobotsRulesTest {
    private static final String ROBOTS = """
            User-agent: *
            Disallow: /cart
            Disallow: /*?*sort=
            Disallow: /*.pdf$
            Allow: /cart/help
            Crawl-delay: 1.5

            User-agent: trawl
            User-agent: otherbot
            Disallow: /private/
            Allow: /private/open
            Crawl-delay: 2

            User-agent: BadBot
            Disallow: /

            Sitemap: http://shop.example/sitemap.xml
            Sitemap: http://shop.example/news-sitemap.xml
            """;

    private static RobotsRules rules(String agent) {
        return RobotsRules.parse(URI.create("http://shop.example/robots.txt"), "text/plain", ROBOTS.getBytes(StandardCharsets.UTF_8), agent);
    }

    private static boolean allows(RobotsRules rules, String path) {
        return rules.allows(URI.create("http://shop.example" + path));
    }

    @Test
    void theStarGroupWithWildcardsAndTheLongestMatchWinning() {
        RobotsRules any = rules("somebot");
        assertFalse(allows(any, "/cart"));
        assertFalse(allows(any, "/cart/add?id=1"));
        assertTrue(allows(any, "/cart/help"));
        assertFalse(allows(any, "/c/kitchen?page=2&sort=price"));
        assertTrue(allows(any, "/c/kitchen?page=2"));
        assertFalse(allows(any, "/manual.pdf"));
        assertTrue(allows(any, "/manual.pdf?download=1"));
        assertTrue(allows(any, "/p/1"));
        assertEquals(Duration.ofMillis(1500), any.crawlDelay());
    }

    @Test
    void ourOwnGroupReplacesTheStarGroup() {
        RobotsRules ours = rules(RobotsRules.agentToken("trawl/0.1 (+https://github.com/trawl-dev/trawl)"));
        assertTrue(allows(ours, "/cart"));
        assertFalse(allows(ours, "/private/x"));
        assertTrue(allows(ours, "/private/open"));
        assertEquals(Duration.ofSeconds(2), ours.crawlDelay());
        assertFalse(allows(rules("BadBot"), "/p/1"));
    }

    @Test
    void sitemapsAreListed() {
        assertEquals(List.of("http://shop.example/sitemap.xml", "http://shop.example/news-sitemap.xml"), rules("x").sitemaps());
    }

    @Test
    void aMissingRobotsTxtAllowsAllAndAnUnreachableOneNothing() {
        assertTrue(RobotsRules.missing().allows(URI.create("http://shop.example/cart")));
        assertNull(RobotsRules.missing().crawlDelay());
        RobotsRules down = RobotsRules.unreachable(FailureReason.ROBOTS, "HTTP 503 after 4 attempts");
        assertFalse(down.allows(URI.create("http://shop.example/p/1")));
        assertTrue(down.denial().contains("HTTP 503 after 4 attempts"));
    }

    @Test
    void agentTokenIsTheProductName() {
        assertEquals("trawl", RobotsRules.agentToken("trawl/0.1 (+https://x)"));
        assertEquals("Mozilla", RobotsRules.agentToken("Mozilla/5.0 (X11)"));
        assertEquals("*", RobotsRules.agentToken("/weird"));
    }
}
