package dev.trawl.internal.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.Transports;
import dev.trawl.Trawl;
import dev.trawl.crawl.Crawl;
import dev.trawl.crawl.CrawlResult;
import dev.trawl.crawl.CrawlSummary;
import dev.trawl.crawl.FailureReason;
import dev.trawl.crawl.Outcome;
import dev.trawl.crawl.Seeds;
import dev.trawl.demoshop.DemoShop;
import dev.trawl.fetch.ProxyServer;
import dev.trawl.output.ResultSink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * https for real: the demo shop serves TLS with a certificate made at start, trawl trusts it by
 * {@code trustCertificates} (the CLI's {@code --ca-cert}), directly and through tinyproxy's
 * CONNECT tunnels and microsocks' SOCKS5, each proxy sending from its own loopback address.
 */
@Timeout(120)
class HttpsThroughProxiesTest {
    private static final int PRODUCTS = 60;

    @TempDir
    Path dir;

    private static List<String> httpsUrls(DemoShop shop) {
        List<String> urls = new ArrayList<>();
        for (int id = 0; id < PRODUCTS; id++) {
            urls.add(shop.httpsUri().resolve("/p/" + id).toString());
        }
        return urls;
    }

    private static CrawlSummary crawl(dev.trawl.CrawlBuilder builder) throws InterruptedException {
        try (Crawl crawl = builder.start()) {
            return crawl.await();
        }
    }

    private static ResultSink into(List<CrawlResult> results) {
        return new ResultSink() {
            @Override
            public void accept(CrawlResult r) {
                results.add(r);
            }

            @Override
            public void close() {}
        };
    }

    @Test
    void aShopsOwnCertificateIsTrustedWhenGivenAndRefusedOtherwiseOnBothTransports() throws Exception {
        try (DemoShop shop = DemoShop.builder().address("127.0.0.71").products(PRODUCTS).tls(dir.resolve("shop.pem")).start()) {
            for (var transport : List.of(Transports.apache(), Transports.jdk())) {
                CrawlSummary trusted = crawl(Trawl.crawl().seeds(Seeds.urls(httpsUrls(shop))).transport(transport).obeyRobots(false)
                        .trustCertificates(shop.certificateFile()));
                assertEquals(PRODUCTS, trusted.counts().products(), "failed: " + trusted.counts().failedByReason());

                List<CrawlResult> results = new CopyOnWriteArrayList<>();
                crawl(Trawl.crawl().seeds(Seeds.urls(httpsUrls(shop).subList(0, 5))).transport(transport).obeyRobots(false).retries(0)
                        .sink(into(results)));
                assertEquals(5, results.size());
                for (CrawlResult r : results) {
                    Outcome.Failed f = (Outcome.Failed) r.outcome();
                    assertEquals(FailureReason.TLS, f.reason(), r.rawUrl() + ": " + f.detail());
                    assertTrue(f.detail().startsWith("certificate not trusted"), f.detail());
                }
            }
        }
    }

    @Test
    void httpsGoesThroughAnHttpProxysConnectTunnelAndThroughSocks5() throws Exception {
        try (TestProxies proxies = new TestProxies(dir);
             DemoShop shop = DemoShop.builder().address("127.0.0.72").products(PRODUCTS).tls(dir.resolve("shop.pem")).start()) {
            int http = proxies.http("127.0.1.41", "ana", "tunnel-s3cret");
            int socks = proxies.socks("127.0.1.42", "bob", "socks-s3cret");
            for (String proxy : List.of("http://ana:tunnel-s3cret@127.0.0.1:" + http, "socks5://bob:socks-s3cret@127.0.0.1:" + socks)) {
                List<CrawlResult> results = new CopyOnWriteArrayList<>();
                CrawlSummary s = crawl(Trawl.crawl().seeds(Seeds.urls(httpsUrls(shop))).concurrency(4).obeyRobots(false)
                        .proxy(ProxyServer.parse(proxy)).trustCertificates(shop.certificateFile()).sink(into(results)));
                assertEquals(PRODUCTS, s.counts().products(), proxy + " failed: " + s.counts().failedByReason());
                assertEquals(PRODUCTS, results.size());
                results.forEach(r -> assertTrue(r.rawUrl().startsWith("https://"), r.rawUrl()));
            }
            // The shop saw the proxies' addresses only: every page came through a tunnel.
            assertEquals(Set.of("127.0.1.41", "127.0.1.42"), shop.requestsByClient().keySet());
            shop.requestsByClient().forEach((address, n) -> assertEquals(PRODUCTS, n, address));
        }
    }
}
