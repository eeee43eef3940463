package dev.trawl.internal.politeness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trawl.internal.frontier.CrawlRequest;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HostSchedulerTest {
    private static final long MS = 1_000_000;

    private static CrawlRequest req(String url) {
        return CrawlRequest.of(URI.create(url), "test");
    }

    @Test
    void neverStartsMoreThanTheGlobalCap() {
        HostScheduler s = new HostScheduler(3, 10, Duration.ZERO);
        for (int i = 0; i < 10; i++) {
            s.add(req("http://h" + i + ".test/p"));
        }
        int started = 0;
        while (s.next(1000) != null) {
            started++;
        }
        assertEquals(3, started);
        assertEquals(3, s.inFlight());
        s.finished("http://h0.test:80");
        assertNotNull(s.next(1000));
        assertNull(s.next(1000));
    }

    @Test
    void aPagesRenderAfterItsFetchGoesBeforeTheRequestsWaitingOnItsHost() {
        HostScheduler s = new HostScheduler(100, 1, Duration.ZERO);
        for (int i = 0; i < 3; i++) {
            s.add(req("http://shop.test/p/" + i));
        }
        CrawlRequest first = s.next(1000);
        s.finished(first.host());
        s.add(first.renderAfterFetch());
        CrawlRequest next = s.next(1000);
        assertEquals(URI.create("http://shop.test/p/0"), next.url());
        assertEquals(true, next.render());
    }

    @Test
    void aRedirectsNextHopGoesBeforeTheRequestsWaitingOnItsHost() {
        HostScheduler s = new HostScheduler(100, 1, Duration.ZERO);
        for (int i = 0; i < 3; i++) {
            s.add(req("http://shop.test/p/" + i));
        }
        CrawlRequest first = s.next(1000);
        s.finished(first.host());
        s.add(first.redirectTo(URI.create("http://shop.test/p/0?pass=1")));
        assertEquals(URI.create("http://shop.test/p/0?pass=1"), s.next(1000).url());
    }

    @Test
    void neverStartsMoreThanThePerHostCapAndServesOtherHostsMeanwhile() {
        HostScheduler s = new HostScheduler(100, 2, Duration.ZERO);
        for (int i = 0; i < 5; i++) {
            s.add(req("http://slow.test/p" + i));
        }
        s.add(req("http://other.test/p"));
        assertEquals("http://slow.test:80", s.next(1000).host());
        assertEquals("http://other.test:80", s.next(1000).host());
        assertEquals("http://slow.test:80", s.next(1000).host());
        assertNull(s.next(1000), "slow.test is at its cap of 2");
        assertEquals(Long.MAX_VALUE, s.earliestReady(), "nothing becomes ready by time alone");
        s.finished("http://slow.test:80");
        assertEquals("http://slow.test:80", s.next(1000).host());
    }

    @Test
    void keepsTheMinimumDelayBetweenStartsToOneHost() {
        HostScheduler s = new HostScheduler(100, 10, Duration.ofMillis(100));
        s.add(req("http://a.test/1"));
        s.add(req("http://a.test/2"));
        assertNotNull(s.next(1000 * MS));
        assertNull(s.next(1000 * MS));
        assertEquals(1100 * MS, s.earliestReady());
        assertNull(s.next(1099 * MS));
        assertNotNull(s.next(1100 * MS));
    }

    @Test
    void aPausedHostStartsNothingBeforeThePauseEnds() {
        HostScheduler s = new HostScheduler(100, 10, Duration.ZERO);
        s.pause("http://a.test:80", 5000 * MS);
        s.add(req("http://a.test/1"));
        s.add(req("http://b.test/1"));
        assertEquals("http://b.test:80", s.next(1000 * MS).host());
        assertNull(s.next(1000 * MS));
        assertEquals(5000 * MS, s.earliestReady());
        assertEquals("http://a.test:80", s.next(5000 * MS).host());
    }

    @Test
    void aRetryWaitsForItsTimeAndThenGoesBeforeFreshWork() {
        HostScheduler s = new HostScheduler(100, 1, Duration.ZERO);
        s.add(req("http://a.test/fresh"));
        s.add(req("http://a.test/retry").retryAt(2000 * MS));
        CrawlRequest first = s.next(1000 * MS);
        assertEquals("/fresh", first.url().getPath());
        s.finished(first.host());
        s.add(req("http://a.test/fresh2"));
        CrawlRequest second = s.next(2500 * MS);
        assertEquals("/retry", second.url().getPath());
        assertEquals(1, second.attempts());
    }
}
