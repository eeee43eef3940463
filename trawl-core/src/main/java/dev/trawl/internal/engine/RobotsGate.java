package dev.trawl.internal.engine;

import dev.trawl.internal.frontier.CrawlRequest;
import dev.trawl.internal.frontier.RequestKind;
import dev.trawl.internal.runtime.Ticks;
import dev.trawl.internal.politeness.HostScheduler;
import dev.trawl.internal.politeness.RobotsRules;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts each host's robots.txt before its other requests (DESIGN.md, data flow step 2). The first
 * request to a host closes the host's gate in the scheduler and queues a robots.txt request in
 * front; when the rules are known, the gate opens, the Crawl-delay raises the host's minimum delay
 * (up to a cap), and every request the rules disallow is refused — never requested. Sites waiting
 * for their robots.txt's {@code Sitemap:} lines are handed back then too. With robots.txt not
 * obeyed, only hosts given as sites have theirs read, for the sitemaps.
 *
 * <p>Not thread-safe: called under the engine's lock, like the scheduler.
 */
final class RobotsGate {
    /** A request with the rules of its host. */
    record Ruled(CrawlRequest request, RobotsRules rules) {}

    /** Where admitted or released requests go that are not simply scheduled: refused ones, and sites to expand. */
    record Released(List<Ruled> refused, List<Ruled> sites) {
        Released() {
            this(new ArrayList<>(), new ArrayList<>());
        }

        boolean isEmpty() {
            return refused.isEmpty() && sites.isEmpty();
        }
    }

    private final HostScheduler scheduler;
    private final boolean obey;
    private final Duration maxCrawlDelay;
    private final Map<String, RobotsRules> known = new HashMap<>();
    /** Hosts whose robots.txt is being fetched, with the sites waiting for it. */
    private final Map<String, List<CrawlRequest>> fetching = new HashMap<>();

    RobotsGate(HostScheduler scheduler, boolean obey, Duration maxCrawlDelay) {
        this.scheduler = scheduler;
        this.obey = obey;
        this.maxCrawlDelay = maxCrawlDelay;
    }

    /** Schedules a request, or, when its host's rules are known, refuses it or releases a site into {@code out}. */
    void admit(CrawlRequest r, Released out) {
        boolean site = r.kind() == RequestKind.SITE;
        if (r.kind() == RequestKind.ROBOTS || !obey && !site) {
            scheduler.add(r);
            return;
        }
        RobotsRules rules = known.get(r.host());
        if (rules == null) {
            List<CrawlRequest> sites = fetching.get(r.host());
            if (sites == null) {
                sites = new ArrayList<>(0);
                fetching.put(r.host(), sites);
                scheduler.gate(r.host());
                URI robots = URI.create(r.host() + "/robots.txt");
                scheduler.add(CrawlRequest.of(robots, "robots.txt of " + r.host(), RequestKind.ROBOTS, 0));
            }
            if (site) {
                sites.add(r);
            } else {
                scheduler.add(r);
            }
        } else if (site) {
            out.sites().add(new Ruled(r, rules));
        } else if (obey && !rules.allows(r.url())) {
            out.refused().add(new Ruled(r, rules));
        } else {
            scheduler.add(r);
        }
    }

    /** The rules of {@code host} are known: opens its gate; refused requests and waiting sites go to {@code out}. */
    void learned(String host, RobotsRules rules, Released out) {
        known.put(host, rules);
        List<CrawlRequest> sites = fetching.remove(host);
        if (sites != null) {
            sites.forEach(site -> out.sites().add(new Ruled(site, rules)));
        }
        Duration delay = obey ? crawlDelay(rules) : null;
        scheduler.open(host, Ticks.now(), delay, r -> obey && !rules.allows(r.url())).forEach(r -> out.refused().add(new Ruled(r, rules)));
    }

    private Duration crawlDelay(RobotsRules rules) {
        Duration d = rules.crawlDelay();
        return d == null ? null : d.compareTo(maxCrawlDelay) > 0 ? maxCrawlDelay : d;
    }
}
