package dev.trawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trawl.config.CrawlConfig;
import dev.trawl.crawl.Seeds;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** {@link CrawlBuilder#build()}: every setting validated up front, named in the message; the defaults are the constants. */
class CrawlBuilderTest {

    private static CrawlBuilder crawl() {
        return Trawl.crawl().seeds(Seeds.urls(List.of("http://127.0.0.1:9/")));
    }

    @Test
    void everyBadSettingIsNamedWithItsProblem() {
        Map<String, UnaryOperator<CrawlBuilder>> bad = new LinkedHashMap<>();
        bad.put("seeds must be set", b -> b.seeds(null));
        bad.put("concurrency must be between 1 and 100000, was 0", b -> b.concurrency(0));
        bad.put("concurrency must be between 1 and 100000, was 100000000", b -> b.concurrency(100_000_000));
        bad.put("perHost must be between 1 and 100000, was 0", b -> b.perHost(0, Duration.ZERO));
        bad.put("delay must be a duration of 0 or more, was -1s", b -> b.perHost(2, Duration.ofSeconds(-1)));
        bad.put("timeout must be a positive duration, was 0ms", b -> b.timeout(Duration.ZERO));
        bad.put("connectTimeout must be a positive duration, was null", b -> b.connectTimeout(null));
        bad.put("responseTimeout must be a positive duration, was -5ms", b -> b.responseTimeout(Duration.ofMillis(-5)));
        bad.put("maxBodyBytes must be between 1 and 1073741824, was 0", b -> b.maxBodyBytes(0));
        bad.put("userAgent must be printable ASCII text, was bad\\nagent\\u001b", b -> b.userAgent("bad\nagent\u001b"));
        bad.put("retries must be between 0 and 100, was -1", b -> b.retries(-1));
        bad.put("backoff must be a positive duration, was -10ms", b -> b.backoff(Duration.ofMillis(-10)));
        bad.put("maxRedirects must be between 0 and 100, was -3", b -> b.maxRedirects(-3));
        bad.put("transport must be set", b -> b.transport((dev.trawl.fetch.Transport.Factory) null));
        bad.put("maxCrawlDelay must be a duration of 0 or more, was -1s", b -> b.maxCrawlDelay(Duration.ofSeconds(-1)));
        bad.put("follow must be set", b -> b.follow(null));
        bad.put("trackingParameters must be a list of names, was [utm_*, ]", b -> b.trackingParameters(Arrays.asList("utm_*", "")));
        bad.put("recipes must be a list of recipes, was null", b -> b.recipes(null));
        bad.put("warnings must be set", b -> b.warnings(null));
        bad.put("job must be a name, was  ", b -> b.job(" "));
        bad.put("buffer must be between 1 and 6400000, was 0", b -> b.buffer(0));
        bad.put("lookahead must be at least 256, was 10", b -> b.lookahead(10));
        Map<String, String> messages = new LinkedHashMap<>();
        bad.forEach((expected, setting) -> messages.put(expected,
                assertThrows(InvalidSettingException.class, () -> setting.apply(crawl()).build(), expected).getMessage()));
        messages.forEach((expected, actual) -> assertEquals(expected, actual));
    }

    @Test
    void theSettingIsNamedApartForACommandLineToMapToItsFlag() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> crawl().perHost(0, Duration.ZERO).build());
        assertEquals("perHost", e.setting());
        assertEquals("must be between 1 and 100000, was 0", e.problem());
    }

    @Test
    void theDefaultsAreTheBuildersConstants() {
        CrawlConfig c = crawl().build();
        assertEquals(CrawlBuilder.DEFAULT_CONCURRENCY, c.politeness().concurrency());
        assertEquals(CrawlBuilder.DEFAULT_PER_HOST, c.politeness().perHost());
        assertEquals(CrawlBuilder.DEFAULT_DELAY, c.politeness().delay());
        assertEquals(CrawlBuilder.DEFAULT_TIMEOUT, c.fetch().settings().totalTimeout());
        assertEquals(CrawlBuilder.DEFAULT_CONNECT_TIMEOUT, c.fetch().settings().connectTimeout());
        assertEquals(CrawlBuilder.DEFAULT_RESPONSE_TIMEOUT, c.fetch().settings().responseTimeout());
        assertEquals(CrawlBuilder.DEFAULT_MAX_BODY_BYTES, c.fetch().settings().maxBodyBytes());
        assertEquals(CrawlBuilder.DEFAULT_USER_AGENT, c.fetch().settings().userAgent());
        assertEquals(CrawlBuilder.DEFAULT_RETRIES, c.fetch().retries());
        assertEquals(CrawlBuilder.DEFAULT_BACKOFF, c.fetch().backoff());
        assertEquals(CrawlBuilder.DEFAULT_MAX_REDIRECTS, c.fetch().maxRedirects());
        assertEquals(CrawlBuilder.DEFAULT_MAX_CRAWL_DELAY, c.politeness().maxCrawlDelay());
        assertEquals(CrawlBuilder.DEFAULT_TRACKING_PARAMETERS, c.discovery().trackingParameters());
        assertEquals(CrawlBuilder.DEFAULT_JOB, c.output().job());
        assertEquals(Math.max(256, 4 * CrawlBuilder.DEFAULT_CONCURRENCY), c.discovery().buffer());
    }

    @Test
    void aShorterTotalTimeoutCutsTheOthers() {
        CrawlConfig c = crawl().timeout(Duration.ofSeconds(2)).build();
        assertEquals(Duration.ofSeconds(2), c.fetch().settings().connectTimeout());
        assertEquals(Duration.ofSeconds(2), c.fetch().settings().responseTimeout());
    }
}
