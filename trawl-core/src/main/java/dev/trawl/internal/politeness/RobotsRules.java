package dev.trawl.internal.politeness;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import dev.trawl.crawl.FailureReason;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * One host's robots.txt as trawl obeys it (RFC 9309), parsed by crawler-commons: the group that
 * matches our user-agent token (else {@code *}), Allow/Disallow with {@code *} and {@code $}, the
 * longest match winning, {@code Crawl-delay}, and the {@code Sitemap:} lines. A robots.txt that
 * is missing (4xx) allows everything; one that cannot be fetched (5xx, no connection, after the
 * retries) disallows everything, as the RFC asks. Immutable and thread-safe.
 */
public final class RobotsRules {
    /** RFC 9309 asks crawlers to read at least 500 KiB; more is cut. */
    public static final int MAX_BYTES = 512 * 1024;

    private final BaseRobotRules rules;
    private final FailureReason denialReason;
    private final String denial;

    private RobotsRules(BaseRobotRules rules, FailureReason denialReason, String denial) {
        this.rules = rules;
        this.denialReason = denialReason;
        this.denial = denial;
    }

    /** Rules read from a fetched robots.txt, for the user agent whose product token {@code agent} is (e.g. {@code trawl}). */
    public static RobotsRules parse(URI robotsUrl, String contentType, byte[] body, String agent) {
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE, 5);
        SimpleRobotRules rules = parser.parseContent(robotsUrl.toString(), body, contentType == null ? "text/plain" : contentType,
                List.of(agent.toLowerCase(Locale.ROOT)));
        return new RobotsRules(rules, FailureReason.ROBOTS, "robots.txt disallows it");
    }

    /** A host whose robots.txt answered with this 4xx status: everything is allowed. */
    public static RobotsRules missing() {
        return new RobotsRules(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), FailureReason.ROBOTS, null);
    }

    /**
     * A host whose robots.txt could not be fetched: everything is disallowed. Its URLs fail with
     * {@code reason}: the network's reason when the host could not be reached (so a host that is
     * down reads as down), {@code robots} when its server answered with an error.
     */
    public static RobotsRules unreachable(FailureReason reason, String why) {
        return new RobotsRules(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE), reason,
                "not requested: robots.txt could not be fetched (" + why + "), which RFC 9309 reads as disallowing all");
    }

    /** Whether the URL may be fetched. */
    public boolean allows(URI url) {
        return rules.isAllowAll() || !rules.isAllowNone() && rules.isAllowed(url.toString());
    }

    /** The reason a URL it does not allow fails with. */
    public FailureReason denialReason() {
        return denialReason;
    }

    /** Why a URL it does not allow is refused, for the failure's detail. */
    public String denial() {
        return denial;
    }

    /** The Crawl-delay the matching group states, or null. */
    public Duration crawlDelay() {
        long ms = rules.getCrawlDelay();
        return ms == BaseRobotRules.UNSET_CRAWL_DELAY || ms < 0 ? null : Duration.ofMillis(ms);
    }

    /** The sitemaps its {@code Sitemap:} lines name, as written. */
    public List<String> sitemaps() {
        return List.copyOf(rules.getSitemaps());
    }

    /** The product token of a User-Agent string ({@code trawl} for {@code trawl/0.1 (+https://...)}). */
    public static String agentToken(String userAgent) {
        String s = userAgent.strip();
        int end = 0;
        while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '-' || s.charAt(end) == '_')) {
            end++;
        }
        return end == 0 ? "*" : s.substring(0, end);
    }
}
