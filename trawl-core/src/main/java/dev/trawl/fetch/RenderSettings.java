package dev.trawl.fetch;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How pages are rendered in the browser.
 *
 * @param browser        the Chromium executable
 * @param tabs           pages rendered at once at most (tabs open at once)
 * @param timeout        the longest a page is waited for, navigation included; then its DOM is taken as it is
 * @param restartAfter   pages after which the browser is started afresh (its memory grows)
 * @param memoryCapBytes the browser's processes' resident memory above which it is started afresh
 * @param blockResources whether images, fonts, media and stylesheets are refused inside the browser
 * @param userAgent      the User-Agent the browser sends
 */
public record RenderSettings(Path browser, int tabs, Duration timeout, int restartAfter, long memoryCapBytes,
                             boolean blockResources, String userAgent) {

    /** Tabs by default: as many as cores, at most 4 (more lowered throughput on 2 cores, and timed out). */
    public static final int DEFAULT_TABS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);
    public static final int DEFAULT_RESTART_AFTER = 1000;
    public static final long DEFAULT_MEMORY_CAP = 2L << 30;

    /** The defaults for {@code browser}: resources blocked, the crawl's user agent (null here: the crawl fills it in). */
    public static RenderSettings of(Path browser) {
        return new RenderSettings(browser, DEFAULT_TABS, DEFAULT_TIMEOUT, DEFAULT_RESTART_AFTER, DEFAULT_MEMORY_CAP, true, null);
    }

    /** The same settings, the browser sending {@code userAgent}. */
    public RenderSettings withUserAgent(String userAgent) {
        return new RenderSettings(browser, tabs, timeout, restartAfter, memoryCapBytes, blockResources, userAgent);
    }
}
