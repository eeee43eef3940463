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
        SessionPool.Assigned sent = pool.assignForSending(first.redirectTo(URI.create("http://shop.test/p/1?pass=1")));
        CrawlRequest second = sent.request();
        assertEquals(first.session(), second.session(), "a live session is kept through the chain");
        assertEquals("pass=7", sent.session().cookie());

        pool.after(second, redirect("/p/1"), true); // another request's block retires the session
        CrawlRequest again = pool.assign(second);
        assertNotEquals(second.session(), again.session());
        assertEquals(URI.create("http://shop.test/p/1"), again.url(), "the new session has no pass: it makes the whole way again");
        assertEquals(second.attempts(), again.attempts(), "moving to a new session is no attempt of its own");

        CrawlRequest away = pool.assign(first.redirectTo(URI.create("http://other.test/p/1")));
        pool.after(away, redirect("/x"), true);
        assertEquals(URI.create("http://other.test/p/1"), pool.assign(away).url(), "another host's slot is not the first URL's to take");
    }

    @Test
    void requestsTakeTheHostsSessionsInTurnSoAFreshOneGetsNoBurst() {
        SessionPool pool = new SessionPool(new SessionPolicy(true, 4, 10, 3));
        FetchResult.Response ok = new FetchResult.Response(200, "text/html", null, null, null, null, Map.of(), List.of(), new byte[0], 1);
        String last = null;
        int run = 0;
        int longest = 0;
        for (int i = 0; i < 400; i++) {
            CrawlRequest r = pool.assignForSending(CrawlRequest.of(URI.create("http://shop.test/p/" + i), "seed")).request();
            pool.after(r, ok, false);
            run = r.session().equals(last) ? run + 1 : 1;
            longest = Math.max(longest, run);
            last = r.session();
        }
        assertEquals(pool.made() - 4, pool.retired(), "4 live at the end, every other one retired after its uses");
        assertEquals(true, pool.made() >= 40 && pool.made() <= 44, "400 requests of at most 10 a session: " + pool.made());
        // Least-used first gave a new session every request until it caught up: runs of 7 and more through one proxy.
        assertEquals(true, longest <= 2, "longest run on one session: " + longest);
    }

    @Test
    void aSessionRetiresAfterItsMaxErrorsNetworkErrorsInARowAndASuccessStartsTheRunAgain() {
        SessionPool pool = new SessionPool(new SessionPolicy(true, 1, 50, 3));
        FetchResult.Response ok = new FetchResult.Response(200, "text/html", null, null, null, null, Map.of(), List.of(), new byte[0], 1);
        FetchResult.Error reset = new FetchResult.Error(dev.trawl.crawl.FailureReason.RESET, "connection reset", 1);
        CrawlRequest r = pool.assign(CrawlRequest.of(URI.create("http://shop.test/p/1"), "seed"));
        String session = r.session();
        pool.after(r, reset, false);
        pool.after(r, reset, false);
        pool.after(r, ok, false); // the run is broken
        pool.after(r, reset, false);
        pool.after(r, reset, false);
        assertEquals(session, pool.assign(CrawlRequest.of(URI.create("http://shop.test/p/2"), "seed")).session(), "2 in a row: kept");
        pool.after(r, reset, false);
        assertEquals(1, pool.retired(), "the third in a row retires it");
        assertNotEquals(session, pool.assign(CrawlRequest.of(URI.create("http://shop.test/p/3"), "seed")).session());
    }

    @Test
    void aRequestWhoseSessionRetiredAfterItWasTakenGoesOutInAnotherWithWhatThatOneSends() {
        SessionPool pool = new SessionPool(new SessionPolicy(true, 2, 50, 3));
        CrawlRequest first = pool.assign(CrawlRequest.of(URI.create("http://shop.test/p/1"), "seed"));
        pool.after(first, redirect("/p/1?pass=1", "pass=7; Path=/"), false);
        CrawlRequest waiting = CrawlRequest.of(URI.create("http://shop.test/p/2"), "seed").inSession(first.session());
        pool.after(first, redirect("/x"), true); // another request of the session was blocked: it retires
        SessionPool.Assigned sent = pool.assignForSending(waiting);
        assertNotEquals(first.session(), sent.request().session());
        assertEquals(sent.request().session(), sent.session().id() == null ? sent.request().session() : sent.session().id());
        assertEquals(null, sent.session().cookie(), "the retired session's pass does not go with it");
    }
}
