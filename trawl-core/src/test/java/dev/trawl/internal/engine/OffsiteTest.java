package dev.trawl.internal.engine;

import static dev.trawl.internal.engine.CrawlEngineTest.crawl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.CrawlBuilder;
import dev.trawl.Trawl;
import dev.trawl.crawl.CrawlEvents;
import dev.trawl.crawl.CrawlResult;
import dev.trawl.crawl.FailureReason;
import dev.trawl.crawl.Outcome;
import dev.trawl.crawl.Seeds;
import dev.trawl.demoshop.DemoShop;
import dev.trawl.discover.LinkRules;
import dev.trawl.fetch.FetchResult;
import dev.trawl.fetch.FetchSettings;
import dev.trawl.fetch.Transport;
import dev.trawl.fetch.Validators;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Redirects and sitemap entries go only where the user sent the crawl: a redirect elsewhere ends
 * {@code offsite} without a request, sitemap entries elsewhere are skipped with a warning that
 * counts them; {@code --allow-host} and {@code followOffsite} widen that, never to link-local,
 * unspecified or multicast addresses.
 */
@Timeout(60)
class OffsiteTest {

    /** Where each redirect seed points, by a name for messages. */
    private static Map<String, String> targets(DemoShop shop) {
        int port = shop.baseUri().getPort();
        Map<String, String> t = new LinkedHashMap<>();
        t.put("metadata", "http://169.254.169.254/latest/meta-data/");
        t.put("metadata-decimal", "http://2852039166/latest/meta-data/");
        t.put("metadata-mapped", "http://%5B::ffff:169.254.169.254%5D/latest/meta-data/");
        t.put("loopback-decimal", "http://2130706433:" + port + "/p/2");
        t.put("unspecified", "http://0.0.0.0:" + port + "/p/3");
        t.put("localhost", "http://localhost:" + port + "/p/4");
        t.put("multicast", "http://224.0.0.1/");
        t.put("same-host", "/p/5");
        return t;
    }

    private record Run(Map<String, Outcome> byName, Set<String> hostsRequested, List<String> warnings) {}

    private static Run redirects(DemoShop shop, CrawlBuilder builder) throws Exception {
        Map<String, String> targets = targets(shop);
        Map<String, String> seedToName = new LinkedHashMap<>();
        targets.forEach((name, to) -> seedToName.put(shop.baseUri().resolve("/fault/redirect?to=" + to).toString(), name));
        Results results = new Results();
        Set<String> hosts = ConcurrentHashMap.newKeySet();
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        crawl(builder.seeds(Seeds.urls(List.copyOf(seedToName.keySet()))).obeyRobots(false).retries(0)
                .connectTimeout(Duration.ofSeconds(2)).timeout(Duration.ofSeconds(5)).sink(results).warnings(warnings::add)
                .events(new CrawlEvents() {
                    @Override
                    public void requestSent(URI url, String host, long nanoTime) {
                        hosts.add(url.getHost());
                    }
                }));
        Map<String, Outcome> byName = new LinkedHashMap<>();
        results.byUrl().forEach((url, r) -> byName.put(seedToName.get(url), r.outcome()));
        assertEquals(targets.keySet(), byName.keySet());
        return new Run(byName, new TreeSet<>(hosts), warnings);
    }

    private static void offsite(Run run, String name, String why) {
        Outcome.Failed f = assertInstanceOf(Outcome.Failed.class, run.byName().get(name), name);
        assertEquals(FailureReason.OFFSITE, f.reason(), name + ": " + f.detail());
        assertEquals(302, f.status(), name);
        assertTrue(f.detail().contains(why), name + ": " + f.detail());
    }

    private static void done(Run run, String name) {
        assertInstanceOf(Outcome.Done.class, run.byName().get(name), name);
    }

    @Test
    void byDefaultARedirectToAnotherHostEndsOffsiteAndIsNeverRequested() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(10).start()) {
            Run run = redirects(shop, Trawl.crawl());
            for (String name : List.of("metadata", "metadata-decimal", "metadata-mapped", "unspecified", "localhost", "multicast")) {
                offsite(run, name, "is not 127.0.0.1");
            }
            done(run, "same-host");
            // Read as browsers read it, 2130706433 is 127.0.0.1 itself (and is requested so): the seed's own host.
            done(run, "loopback-decimal");
            assertEquals(Set.of("127.0.0.1"), run.hostsRequested());
        }
    }

    @Test
    void anAllowedHostIsFollowed() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(10).start()) {
            Run run = redirects(shop, Trawl.crawl().follow(new LinkRules(Set.of("localhost"), List.of(), List.of(), List.of(), List.of(), 2)));
            done(run, "localhost");
            done(run, "same-host");
            done(run, "loopback-decimal");
            assertEquals(Set.of("127.0.0.1", "localhost"), run.hostsRequested());
        }
    }

    @Test
    void followOffsiteAllowsAnyHostButLinkLocalUnspecifiedAndMulticast() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(10).start()) {
            Run run = redirects(shop, Trawl.crawl().followOffsite(true));
            done(run, "loopback-decimal");
            done(run, "localhost");
            done(run, "same-host");
            offsite(run, "metadata", "link-local");
            offsite(run, "metadata-decimal", "link-local");
            offsite(run, "metadata-mapped", "link-local");
            offsite(run, "unspecified", "unspecified");
            offsite(run, "multicast", "multicast");
            assertEquals(Set.of("127.0.0.1", "localhost"), run.hostsRequested());
        }
    }

    /** A robots.txt that redirects offsite is not followed there: it reads as none (RFC 9309's reading of too many redirects), with a warning. */
    @Test
    void aRobotsTxtRedirectedOffsiteReadsAsNone() throws Exception {
        List<String> requested = Collections.synchronizedList(new ArrayList<>());
        Transport fake = new Transport() {
            @Override
            public FetchResult fetch(URI url, long maxBodyBytes, Validators validators) {
                requested.add(url.toString());
                return url.getPath().equals("/robots.txt")
                        ? new FetchResult.Response(301, null, "http://169.254.169.254/robots.txt", null, null, null, new byte[0], 0)
                        : new FetchResult.Response(200, "text/html", null, null, null, null, "<html></html>".getBytes(), 0);
            }

            @Override
            public FetchSettings settings() {
                return new FetchSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 1024, "t", 1, 1);
            }

            @Override
            public void close() {}
        };
        Results results = new Results();
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        crawl(Trawl.crawl().seeds(Seeds.urls(List.of("http://shop.example/p/1"))).transport(fake).sink(results).warnings(warnings::add));
        assertInstanceOf(Outcome.Done.class, results.only().outcome());
        assertEquals(List.of("http://shop.example:80/robots.txt", "http://shop.example/p/1"), requested);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.getFirst().contains("host 169.254.169.254 is not shop.example") && warnings.getFirst().endsWith("read as no robots.txt"),
                warnings.getFirst());
    }

    private record SitemapRun(Set<String> outcomes, List<String> warnings, Set<String> hostsRequested) {}

    private static SitemapRun sitemap(DemoShop shop, String path, CrawlBuilder builder) throws Exception {
        Results results = new Results();
        Set<String> hosts = ConcurrentHashMap.newKeySet();
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        crawl(builder.seeds(Seeds.sitemaps(List.of(shop.baseUri().resolve(path).toString()))).obeyRobots(false).retries(0)
                .connectTimeout(Duration.ofSeconds(2)).timeout(Duration.ofSeconds(5)).sink(results).warnings(warnings::add)
                .events(new CrawlEvents() {
                    @Override
                    public void requestSent(URI url, String host, long nanoTime) {
                        hosts.add(url.getHost());
                    }
                }));
        Set<String> outcomes = new TreeSet<>();
        for (CrawlResult r : results.byUrl().values()) {
            assertInstanceOf(Outcome.Done.class, r.outcome(), r.rawUrl() + ": " + r.outcome());
            outcomes.add(r.rawUrl());
        }
        return new SitemapRun(outcomes, List.copyOf(warnings), new TreeSet<>(hosts));
    }

    @Test
    void sitemapEntriesOnOtherHostsAreSkippedWithOneWarningPerSitemapThatCountsThem() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(10).start()) {
            String base = shop.baseUri().toString();
            SitemapRun run = sitemap(shop, "/fault/offsite-sitemap", Trawl.crawl());
            // http://2130706433:port/p/2 is read as browsers read it: http://127.0.0.1:port/p/2, on the shop itself.
            assertEquals(Set.of(base + "fault/offsite-sitemap", base + "p/1", base + "p/2"), run.outcomes());
            assertEquals(1, run.warnings().size(), run.warnings().toString());
            assertTrue(run.warnings().getFirst().startsWith(base + "fault/offsite-sitemap: 3 entries on other hosts skipped, e.g. "
                    + "http://169.254.169.254/latest/meta-data/: host 169.254.169.254 is not 127.0.0.1"), run.warnings().getFirst());
            assertEquals(Set.of("127.0.0.1"), run.hostsRequested());

            // An index: its child on localhost is skipped (one warning), its child on the shop is read (another).
            run = sitemap(shop, "/fault/offsite-sitemap?index=1", Trawl.crawl());
            assertEquals(Set.of(base + "fault/offsite-sitemap", base + "fault/offsite-sitemap?index=1", base + "p/1", base + "p/2"),
                    run.outcomes());
            assertEquals(2, run.warnings().size(), run.warnings().toString());
            assertTrue(run.warnings().stream().anyMatch(w -> w.startsWith(base + "fault/offsite-sitemap?index=1: 1 entry on other hosts")),
                    run.warnings().toString());
            assertEquals(Set.of("127.0.0.1"), run.hostsRequested());
        }
    }

    @Test
    void followOffsiteTakesSitemapEntriesAnywhereButTheForbiddenAddresses() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(10).start()) {
            String base = shop.baseUri().toString();
            int port = shop.baseUri().getPort();
            SitemapRun run = sitemap(shop, "/fault/offsite-sitemap", Trawl.crawl().followOffsite(true));
            assertEquals(Set.of(base + "fault/offsite-sitemap", base + "p/1", base + "p/2", "http://localhost:" + port + "/p/4"),
                    run.outcomes());
            assertEquals(1, run.warnings().size(), run.warnings().toString());
            assertTrue(run.warnings().getFirst().contains(": 2 entries on other hosts skipped, e.g. http://169.254.169.254/latest/meta-data/: "
                    + "host 169.254.169.254 is a link-local address"), run.warnings().getFirst());
        }
    }
}
