package dev.trawl.config;

import dev.trawl.fetch.BlockRules;
import dev.trawl.fetch.ProxyServer;
import dev.trawl.fetch.SessionPolicy;
import dev.trawl.crawl.CrawlEvents;
import dev.trawl.crawl.Seeds;
import dev.trawl.discover.LinkRules;
import dev.trawl.extract.Extractor;
import dev.trawl.fetch.FetchSettings;
import dev.trawl.fetch.Transport;
import dev.trawl.output.ResultSink;
import dev.trawl.recipe.Recipe;
import dev.trawl.store.CrawlStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Everything a crawl needs, validated by {@code CrawlBuilder.build()}, grouped by stage. The one
 * source of truth for configuration: the defaults live once in {@code CrawlBuilder}, and the CLI's
 * flags fill the same builder.
 *
 * @param seeds      where the crawl's URLs come from
 * @param fetch      how each request is made (step 4)
 * @param politeness how hard each host is pressed (step 2)
 * @param discovery  which URLs enter the frontier, and how many are held in memory (step 1)
 * @param output     what is read from pages and where it goes (steps 6 to 8)
 */
public record CrawlConfig(Seeds seeds, Fetch fetch, Politeness politeness, Discovery discovery, Output output) {

    /**
     * @param settings     timeouts, size cap, user agent, pool sizes
     * @param retries      retries after the first attempt
     * @param backoff      the first retry's backoff; it doubles per retry, with jitter
     * @param maxRedirects redirect hops followed per URL
     * @param transport    makes the crawl's HTTP client from {@code settings}
     * @param blocked      the user's own signs of a block, beside trawl's
     * @param sessions     how cookies and sessions are kept
     * @param proxies      the proxies requests go through, each session sticking to one; empty: direct
     * @param render       when pages are loaded in a browser, and the browser
     */
    public record Fetch(FetchSettings settings, int retries, Duration backoff, int maxRedirects, Transport.Factory transport,
                        BlockRules blocked, SessionPolicy sessions, List<ProxyServer> proxies, Render render) {

        public Fetch {
            proxies = List.copyOf(proxies);
        }
    }

    /**
     * @param mode     when a page is rendered ({@link dev.trawl.fetch.RenderMode#NEVER} when there is no renderer)
     * @param renderer makes the crawl's renderer, started only when a page is first rendered; null: none
     * @param settings the browser's settings, null without a renderer
     */
    public record Render(dev.trawl.fetch.RenderMode mode, dev.trawl.fetch.Renderer.Factory renderer,
                         dev.trawl.fetch.RenderSettings settings) {}

    /**
     * @param concurrency   requests in flight at most, over all hosts
     * @param perHost       requests in flight at most to one host
     * @param delay         minimum time between two request starts to one host
     * @param obeyRobots    whether robots.txt is fetched and obeyed (it is still read for sites' sitemaps when not)
     * @param maxCrawlDelay the largest robots.txt Crawl-delay obeyed; a larger one is cut to this
     * @param adaptive      whether each host's concurrency is found by AIMD (up to {@code perHost}) instead of fixed at it
     */
    public record Politeness(int concurrency, int perHost, Duration delay, boolean obeyRobots, Duration maxCrawlDelay,
                             boolean adaptive) {}

    /**
     * @param follow             which links are followed from start pages
     * @param trackingParameters query parameters dropped when URLs are compared ({@code *} ends a prefix)
     * @param modifiedSince      sitemap entries with an older {@code <lastmod>} are skipped (null: none are)
     * @param buffer             requests held in memory ahead of the scheduler
     * @param lookahead          how far past {@code buffer} the engine reads when every queued request waits on a busy host
     * @param followOffsite      whether redirects and sitemap entries may go to any host (never to a link-local,
     *                           unspecified or multicast address), not only to the one they came from and {@code follow}'s
     *                           allowed hosts
     */
    public record Discovery(LinkRules follow, List<String> trackingParameters, Instant modifiedSince, int buffer, int lookahead,
                            boolean followOffsite) {
        public Discovery {
            trackingParameters = List.copyOf(trackingParameters);
        }
    }

    /**
     * @param extractor      turns a fetched page into products (null: none)
     * @param recipes        site recipes, tried before {@code extractor} on the pages they match
     * @param sinks          receive every URL's result, on the writer thread
     * @param store          where the frontier, outcomes and products are kept durably (null: in memory, sinks only)
     * @param job            the name of the store's runs this crawl belongs to; its unfinished run is resumed
     * @param warnings       receives one line per bad input (a seed naming file and line, an unwritable sink)
     * @param detectBlocking whether a blocking detector watches the crawl and reports to {@code warnings}
     * @param events         hears each request as it is sent
     */
    public record Output(Extractor extractor, List<Recipe> recipes, List<ResultSink> sinks, CrawlStore store, String job,
                         Consumer<String> warnings, boolean detectBlocking, CrawlEvents events) {
        public Output {
            recipes = List.copyOf(recipes);
            sinks = List.copyOf(sinks);
        }
    }
}
