package dev.trawl.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.trawl.fetch.FetchResult;
import dev.trawl.fetch.SessionPolicy;
import dev.trawl.internal.frontier.CrawlRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which session a request's next attempt goes out in. */
class SessionPoolTest {

    private static FetchResult.Response redirect(String location, String... setCookies) {
        return new FetchResult.Response(302, "text/plain", location, null, null, null, Map.of(), List.of(setCookies), new byte[0], 1);
    }

    @Test
    void aRedirectChainWhoseSessionRetiredStartsAgainFromItsFirstUrlOnTheHost() {
        SessionPool pool = new SessionPool(new SessionPolicy(true, 1, 50, 3));
        CrawlRequest first = pool.assign(CrawlRequest.of(URI.create("http://shop.test/p/1"), "seed"));
        pool.after(first, redirect("/p/1?pass=1", "pass=7; Path=/"), false);
        CrawlRequest second = pool.assign(first.redirectTo(URI.create("http://shop.test/p/1?pass=1")));
        assertEquals(first.session(), second.session(), "a live session is kept through the chain");
        assertEquals("pass=7", pool.forRequest(second).cookie());

        pool.after(second, redirect("/p/1"), true); // another request's block retires the session
        CrawlRequest again = pool.assign(second);
        assertNotEquals(second.session(), again.session());
        assertEquals(URI.create("http://shop.test/p/1"), again.url(), "the new session has no pass: it makes the whole way again");
        assertEquals(second.attempts(), again.attempts(), "moving to a new session is no attempt of its own");

        CrawlRequest away = pool.assign(first.redirectTo(URI.create("http://other.test/p/1")));
        pool.after(away, redirect("/x"), true);
        assertEquals(URI.create("http://other.test/p/1"), pool.assign(away).url(), "another host's slot is not the first URL's to take");
    }
}
