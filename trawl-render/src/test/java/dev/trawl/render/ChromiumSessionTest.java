package dev.trawl.render;

import dev.trawl.internal.proxy.TestProxies;

import dev.trawl.crawl.FailureReason;
import dev.trawl.fetch.FetchResult;
import dev.trawl.fetch.ProxyServer;
import dev.trawl.fetch.RequestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A session's cookies and proxy in the browser, against the real Chromium, {@link TestSite} and
 * real proxies ({@link TestProxies}: tinyproxy, microsocks), each proxy sending from an address
 * of its own that the site sees.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChromiumSessionTest {

    @BeforeAll
    static void findChromium() {
        ChromiumRendererTest.findChromium();
    }

    private static ChromiumRenderer renderer(int tabs) {
        return new ChromiumRenderer(ChromiumRendererTest.settings(tabs, Duration.ofSeconds(30), 1000, true));
    }

    private static FetchResult.Response rendered(FetchResult result) {
        FetchResult.Response response = assertInstanceOf(FetchResult.Response.class, result, () -> "not a response: " + result);
        assertTrue(ChromiumRendererTest.hasProduct(result), () -> "no product in " + ChromiumRendererTest.body(result));
        return response;
    }

    private static String cookie(List<String> setCookies, String name) {
        return setCookies.stream().filter(c -> c.startsWith(name + "=")).findFirst().orElse(null);
    }

    @Test
    void cookiesThePageSetByResponseAndScriptComeBackAsSetCookies() throws Exception {
        try (TestSite site = new TestSite(); ChromiumRenderer renderer = renderer(1)) {
            assertTrue(renderer.keepsSessions());
            RequestSession session = new RequestSession("s1", null, null);
            FetchResult.Response first = rendered(renderer.render(site.url("/late/1?delay=50&cookie=srv&js=jsc"), null, session));
            List<String> set = first.setCookies();
            String port = String.valueOf(site.url("/").getPort());
            assertEquals("site" + port + "=1; Path=/", cookie(set, "site" + port), set.toString()); // host-only: no Domain
            String srv = cookie(set, "srv");
            assertTrue(srv != null && srv.matches("srv=1; Path=/; Expires=\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT; HttpOnly"),
                    set.toString());
            assertEquals("jsc=js; Path=/", cookie(set, "jsc"), set.toString());
            assertEquals(3, set.size(), set.toString());
            // as trawl's sessions read them (HttpClient 5's RFC 6265 spec), for the page's origin
            var spec = new org.apache.hc.client5.http.impl.cookie.RFC6265CookieSpecFactory(
                    org.apache.hc.client5.http.psl.PublicSuffixMatcherLoader.getDefault()).create(null);
            var origin = new org.apache.hc.client5.http.cookie.CookieOrigin("127.0.0.1", site.url("/").getPort(), "/late/9", false);
            for (String value : set) {
                var parsed = spec.parse(new org.apache.hc.core5.http.message.BasicHeader("Set-Cookie", value), origin);
                assertEquals(1, parsed.size(), value);
                spec.validate(parsed.getFirst(), origin);
                assertTrue(spec.match(parsed.getFirst(), origin), value);
                assertEquals(value.startsWith("srv="), parsed.getFirst().getExpiryInstant() != null, value);
            }

            // the next page of the session: what the browser holds already and the page leaves alone is not news
            FetchResult.Response second = rendered(renderer.render(site.url("/late/2?delay=10"), null,
                    new RequestSession("s1", "site" + port + "=1; srv=1; jsc=js", null)));
            assertEquals(List.of(), second.setCookies());
            assertTrue(site.requestsOf("/late/2").stream().allMatch(r -> r.carries("srv=1") && r.carries("jsc=js")),
                    site.requestsOf("/late/2").toString());

            // without a session: the host's own tab, no cookies given back
            FetchResult.Response plain = rendered(renderer.render(site.url("/late/3?delay=10&cookie=other"), null));
            assertEquals(List.of(), plain.setCookies());
            assertTrue(site.requestsOf("/late/3").stream().noneMatch(r -> r.carries("srv=1")), site.requestsOf("/late/3").toString());
        }
    }

    @Test
    void theSessionsCookieHeaderReachesTheServerOnThePageAndItsSubRequests() throws Exception {
        try (TestSite site = new TestSite(); ChromiumRenderer renderer = renderer(1)) {
            FetchResult.Response response = rendered(renderer.render(site.url("/late/1?delay=10"), null,
                    new RequestSession("s1", "token=abc123; cart=7", null)));
            List<TestSite.Seen> requests = site.requestsOf("/late/1");
            assertEquals(List.of("/late/1", "/app.js"), requests.stream().map(TestSite.Seen::path).toList());
            for (TestSite.Seen r : requests) {
                assertTrue(r.carries("token=abc123") && r.carries("cart=7"), r.toString());
            }
            assertNull(cookie(response.setCookies(), "token"), "a cookie given and left alone is not given back");
            // the page changes one: it comes back
            FetchResult.Response changed = rendered(renderer.render(site.url("/late/2?delay=10&js=cart"), null,
                    new RequestSession("s1", "token=abc123; cart=7", null)));
            assertEquals("cart=js; Path=/", cookie(changed.setCookies(), "cart"), changed.setCookies().toString());
        }
    }

    /** A session with no state yet has no id: it renders in the host's tab, gets its first cookies, and leaves none there. */
    @Test
    void aSessionWithoutAnIdGetsItsFirstCookiesAndLeavesNoneInTheHostsTab() throws Exception {
        try (TestSite site = new TestSite(); ChromiumRenderer renderer = renderer(1)) {
            FetchResult.Response first = rendered(renderer.render(site.url("/late/first?delay=10&cookie=mine"), null,
                    new RequestSession(null, null, null)));
            assertTrue(cookie(first.setCookies(), "mine") != null, first.setCookies().toString());
            FetchResult.Response next = rendered(renderer.render(site.url("/late/next?delay=10"), null,
                    new RequestSession(null, null, null)));
            assertNull(cookie(next.setCookies(), "mine"), next.setCookies().toString());
            List<TestSite.Seen> requests = site.requestsOf("/late/next");
            assertNull(requests.getFirst().cookie(), requests.toString()); // its script carries the cookie its own page set
            assertTrue(requests.stream().noneMatch(r -> r.cookie() != null && r.cookie().contains("mine")), requests.toString());
        }
    }

    /** With one tab, each session's page evicts the other's context: its cookies come back from its Cookie header. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void twoSessionsOnOneHostDoNotSeeEachOthersCookies(int tabs) throws Exception {
        try (TestSite site = new TestSite(); ChromiumRenderer renderer = renderer(tabs)) {
            RequestSession a = new RequestSession("a", "who=A", null);
            RequestSession b = new RequestSession("b", "who=B", null);
            FetchResult.Response a1 = rendered(renderer.render(site.url("/late/a1?delay=10&cookie=onlyA&js=jsA"), null, a));
            FetchResult.Response b1 = rendered(renderer.render(site.url("/late/b1?delay=10"), null, b));
            assertTrue(cookie(a1.setCookies(), "onlyA") != null && cookie(a1.setCookies(), "jsA") != null, a1.setCookies().toString());
            assertNull(cookie(b1.setCookies(), "onlyA"), b1.setCookies().toString());
            assertNull(cookie(b1.setCookies(), "jsA"), b1.setCookies().toString());
            rendered(renderer.render(site.url("/late/a2?delay=10"), null, new RequestSession("a", "who=A; onlyA=1; jsA=js", null)));
            rendered(renderer.render(site.url("/late/b2?delay=10"), null, b));
            rendered(renderer.render(site.url("/late/none?delay=10"), null)); // the host's tab, no session

            for (String page : List.of("/late/a1", "/late/a2")) {
                List<TestSite.Seen> requests = site.requestsOf(page);
                assertEquals(2, requests.size(), requests.toString());
                assertTrue(requests.stream().allMatch(r -> r.carries("who=A") && !r.carries("who=B")), requests.toString());
            }
            assertTrue(site.requestsOf("/late/a2").stream().allMatch(r -> r.carries("onlyA=1") && r.carries("jsA=js")),
                    site.requestsOf("/late/a2").toString());
            for (String page : List.of("/late/b1", "/late/b2")) {
                List<TestSite.Seen> requests = site.requestsOf(page);
                assertEquals(2, requests.size(), requests.toString());
                assertTrue(requests.stream().allMatch(r -> r.carries("who=B") && !r.carries("who=A")
                        && !r.cookie().contains("onlyA") && !r.cookie().contains("jsA")), requests.toString());
            }
            assertTrue(site.requestsOf("/late/none").stream().allMatch(r -> r.cookie() == null
                    || !r.cookie().contains("who=") && !r.cookie().contains("onlyA")), site.requestsOf("/late/none").toString());
        }
    }

    @Test
    void aRenderThroughAnHttpProxyReachesTheSiteFromTheProxysAddress(@TempDir Path dir) throws Exception {
        try (TestProxies proxies = new TestProxies(dir); TestSite site = new TestSite(); ChromiumRenderer renderer = renderer(2)) {
            int port = proxies.http("127.0.1.41", null, null);
            RequestSession session = new RequestSession("p", "via=proxy", new ProxyServer("http", "127.0.0.1", port, null, null));
            rendered(renderer.render(site.url("/late/1?delay=10"), null, session));
            rendered(renderer.render(site.url("/late/direct?delay=10"), null));
            List<TestSite.Seen> proxied = site.requestsOf("/late/1");
            assertEquals(List.of("/late/1", "/app.js"), proxied.stream().map(TestSite.Seen::path).toList());
            assertTrue(proxied.stream().allMatch(r -> r.remote().equals("127.0.1.41") && r.carries("via=proxy")), proxied.toString());
            List<TestSite.Seen> direct = site.requestsOf("/late/direct");
            assertEquals(2, direct.size(), direct.toString());
            assertTrue(direct.stream().allMatch(r -> r.remote().equals("127.0.0.1")), direct.toString());
            // the site's own 401 through the proxy is the page's status, not a proxy error
            FetchResult denied = renderer.render(site.url("/private"), null, session);
            assertEquals(401, assertInstanceOf(FetchResult.Response.class, denied, denied::toString).status());
            assertEquals("127.0.1.41", site.requestsOf("/private").getFirst().remote());
        }
    }

    /** Blocking resources or not: the Fetch domain answers the proxy's challenge either way (with its patterns, or none). */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aProxysPasswordIsGivenToTheProxyOnlyAndAWrongOneIsAProxyError(boolean block, @TempDir Path dir) throws Exception {
        try (TestProxies proxies = new TestProxies(dir); TestSite site = new TestSite();
             ChromiumRenderer renderer = new ChromiumRenderer(ChromiumRendererTest.settings(2, Duration.ofSeconds(30), 1000, block))) {
            int port = proxies.http("127.0.1.42", "scraper", "s3cret");
            RequestSession session = new RequestSession("p", null, new ProxyServer("http", "127.0.0.1", port, "scraper", "s3cret"));
            rendered(renderer.render(site.url("/late/1?delay=10"), null, session));
            rendered(renderer.render(site.url("/late/2?delay=10"), null, session));
            for (String page : List.of("/late/1", "/late/2")) {
                List<TestSite.Seen> requests = site.requestsOf(page);
                assertEquals(2, requests.size(), requests.toString());
                assertTrue(requests.stream().allMatch(r -> r.remote().equals("127.0.1.42") && r.authorization() == null),
                        requests.toString());
            }
            // the site's own 401 gets no credentials: the page is its 401
            FetchResult denied = renderer.render(site.url("/private"), null, session);
            assertEquals(401, assertInstanceOf(FetchResult.Response.class, denied, denied::toString).status());
            List<TestSite.Seen> asked = site.requestsOf("/private");
            assertEquals(1, asked.size(), asked.toString());
            assertNull(asked.getFirst().authorization());
            assertEquals("127.0.1.42", asked.getFirst().remote());

            // the wrong password, and none: the proxy's 407 is a proxy error, the site never asked
            long before = site.seen.size();
            for (RequestSession wrong : List.of(
                    new RequestSession("w", null, new ProxyServer("http", "127.0.0.1", port, "scraper", "wrong")),
                    new RequestSession("n", null, new ProxyServer("http", "127.0.0.1", port, null, null)))) {
                FetchResult refused = renderer.render(site.url("/late/3?delay=10"), null, wrong);
                FetchResult.Error error = assertInstanceOf(FetchResult.Error.class, refused, refused::toString);
                assertEquals(FailureReason.PROXY, error.reason(), error.detail());
                assertFalse(error.detail().contains("wrong"), error.detail());
            }
            assertEquals(List.of(), site.requestsOf("/late/3"), "the site saw a request through a proxy that refused it");
            assertTrue(site.seen.stream().skip(before).allMatch(r -> r.path().equals("/favicon.ico")), site.seen.toString());
        }
    }

    @Test
    void aSocks5ProxyWithAPasswordIsRefusedAndOneWithoutWorks(@TempDir Path dir) throws Exception {
        try (TestProxies proxies = new TestProxies(dir); TestSite site = new TestSite(); ChromiumRenderer renderer = renderer(1)) {
            int withPassword = proxies.socks("127.0.1.43", "scraper", "s3cret");
            FetchResult refused = renderer.render(site.url("/late/1?delay=10"), null,
                    new RequestSession("s", null, new ProxyServer("socks5", "127.0.0.1", withPassword, "scraper", "s3cret")));
            FetchResult.Error error = assertInstanceOf(FetchResult.Error.class, refused, refused::toString);
            assertEquals(FailureReason.PROXY, error.reason());
            assertEquals("the browser cannot use a SOCKS5 proxy with a password", error.detail());
            assertEquals(0, site.seen.size());

            int open = proxies.socks("127.0.1.44");
            rendered(renderer.render(site.url("/late/2?delay=10"), null,
                    new RequestSession("t", "via=socks", new ProxyServer("socks5", "127.0.0.1", open, null, null))));
            List<TestSite.Seen> requests = site.requestsOf("/late/2");
            assertEquals(2, requests.size(), requests.toString());
            assertTrue(requests.stream().allMatch(r -> r.remote().equals("127.0.1.44") && r.carries("via=socks")), requests.toString());
        }
    }
}
