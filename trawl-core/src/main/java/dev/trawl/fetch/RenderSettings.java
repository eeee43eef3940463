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
                             boolean blockResources, String userAgent) {}
