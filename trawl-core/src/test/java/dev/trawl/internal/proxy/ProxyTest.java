package dev.trawl.internal.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.Trawl;
import dev.trawl.crawl.Crawl;
import dev.trawl.crawl.CrawlSummary;
import dev.trawl.crawl.ProxyCounts;
import dev.trawl.crawl.Seeds;
import dev.trawl.demoshop.DemoShop;
import dev.trawl.fetch.ProxyServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Crawls through real proxy servers (tinyproxy, microsocks) on loopback, each sending from its own address. */
@Timeout(120)
class ProxyTest {
    private static final int PRODUCTS = 200;

    @TempDir
    Path dir;

    private static List<String> urls(DemoShop shop) {
        List<String> urls = new ArrayList<>();
        for (int id = 0; id < PRODUCTS; id++) {
            urls.add(shop.baseUri().resolve("/p/" + id).toString());
        }
        return urls;
    }

    private static CrawlSummary crawl(dev.trawl.CrawlBuilder builder) throws InterruptedException {
        try (Crawl crawl = builder.start()) {
            return crawl.await();
        }
    }

    @Test
    void everyProductComesThroughTheProxiesTheLoadSpreadOverTheirAddresses() throws Exception {
        try (TestProxies proxies = new TestProxies(dir); DemoShop shop = DemoShop.builder().address("127.0.0.61").products(PRODUCTS).start()) {
            int http = proxies.http("127.0.1.1", "ana", "s3cret");
            int socks = proxies.socks("127.0.1.2", "bob", "p@ss:word");
            List<String> failures = new CopyOnWriteArrayList<>();
            CrawlSummary s = crawl(Trawl.crawl().seeds(Seeds.urls(urls(shop))).concurrency(8).obeyRobots(false)
                    .sink(new dev.trawl.output.ResultSink() {
                        @Override
                        public void accept(dev.trawl.crawl.CrawlResult r) {
                            if (r.outcome() instanceof dev.trawl.crawl.Outcome.Failed f) {
                                failures.add(r.rawUrl() + ": " + f.reason().code() + ": " + f.detail());
                            }
                        }

                        @Override
                        public void close() {}
                    })
                    .proxy(ProxyServer.parse("http://ana:s3cret@127.0.0.1:" + http))
                    .proxy(ProxyServer.parse("socks5://bob:p%40ss%3Aword@127.0.0.1:" + socks)));
            assertEquals(PRODUCTS, s.counts().products(), "failed: " + failures + " " + s.proxies());
            Map<String, Long> clients = shop.requestsByClient();
            assertEquals(java.util.Set.of("127.0.1.1", "127.0.1.2"), clients.keySet(), "no request went direct: " + clients);
            clients.values().forEach(n -> assertTrue(n >= PRODUCTS / 10, "the load is spread: " + clients));
            assertEquals(2, s.proxies().size());
            for (ProxyCounts p : s.proxies()) {
                assertFalse(p.proxy().contains("s3cret") || p.proxy().contains("p@ss") || p.proxy().contains("word"), p.proxy());
                assertEquals("active", p.state());
                assertTrue(p.requests() > 0 && p.errors() == 0, p.toString());
            }
            assertEquals("http://ana:***@127.0.0.1:" + http, s.proxies().getFirst().proxy());
        }
    }

    @Test
    void aProxyThatIsDownAndOneThatRefusesThePasswordCoolDownAndTheCrawlCompletesThroughTheRest() throws Exception {
        try (TestProxies proxies = new TestProxies(dir); DemoShop shop = DemoShop.builder().address("127.0.0.62").products(PRODUCTS).start()) {
            int good = proxies.http("127.0.1.3", null, null);
            int picky = proxies.http("127.0.1.4", "ana", "right");
            int socksPicky = proxies.socks("127.0.1.5", "bob", "right");
            int down = TestProxies.closedPort();
            List<String> warnings = new CopyOnWriteArrayList<>();
            CrawlSummary s = crawl(Trawl.crawl().seeds(Seeds.urls(urls(shop))).concurrency(8).obeyRobots(false).warnings(warnings::add)
                    .proxy(ProxyServer.parse("http://127.0.0.1:" + down))
                    .proxy(ProxyServer.parse("http://ana:wrong@127.0.0.1:" + picky))
                    .proxy(ProxyServer.parse("socks5://bob:wrong@127.0.0.1:" + socksPicky))
                    .proxy(ProxyServer.parse("http://127.0.0.1:" + good)));
            assertEquals(PRODUCTS, s.counts().products(), "failed: " + s.counts().failedByReason() + " " + s.proxies());
            assertEquals(java.util.Set.of("127.0.1.3"), shop.requestsByClient().keySet(), "only the good proxy reached the shop");
            // tinyproxy answers a wrong password with 401, which reads as the shop's block: three in a row cool it down too.
            for (ProxyCounts p : s.proxies().subList(0, 3)) {
                assertTrue(p.errors() + p.blocked() > 0, p.toString());
                assertNotNull(p.lastProblem(), p.toString());
                assertFalse(p.toString().contains("wrong"), p.toString());
            }
            assertEquals(0, s.proxies().get(3).errors());
            warnings.forEach(w -> assertFalse(w.contains("wrong"), w));
        }
    }
}
