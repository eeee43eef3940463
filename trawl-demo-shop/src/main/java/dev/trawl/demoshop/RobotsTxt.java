package dev.trawl.demoshop;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The shop's robots.txt: for every crawler the cart, search, sorted listings and drafts are
 * disallowed (listings under {@code /c/} explicitly allowed), with an optional Crawl-delay; a
 * crawler named BadBot may fetch nothing; then the sitemap.
 */
final class RobotsTxt {
    private RobotsTxt() {}

    /** {@code crawlDelay} zero leaves the Crawl-delay line out; {@code baseUri} ends in a slash. */
    static String text(String baseUri, Duration crawlDelay) {
        StringBuilder s = new StringBuilder("User-agent: *\nDisallow: /cart\nDisallow: /search\nDisallow: /*?*sort=\nDisallow: ")
                .append(Drafts.PREFIX).append("/\nAllow: /c/\n");
        if (!crawlDelay.isZero()) {
            s.append("Crawl-delay: ").append(seconds(crawlDelay)).append('\n');
        }
        return s.append("\nUser-agent: BadBot\nDisallow: /\n\nSitemap: ").append(baseUri).append("sitemap.xml\n").toString();
    }

    /** Seconds with as many decimals as needed: {@code 2}, {@code 0.5}, {@code 0.25}. */
    static String seconds(Duration d) {
        BigDecimal s = BigDecimal.valueOf(d.toNanos(), 9).stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
