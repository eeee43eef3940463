package dev.trawl.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trawl.crawl.Crawl;
import dev.trawl.crawl.CrawlSummary;
import dev.trawl.crawl.Seeds;
import dev.trawl.Trawl;
import dev.trawl.demoshop.DemoShop;
import dev.trawl.demoshop.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report of a real crawl: self-contained (nothing to fetch), its charts drawn, their data embedded. */
class HtmlReportTest {
    @TempDir
    Path dir;

    @Test
    void aReportIsOneSelfContainedFileWithItsChartsAndTheirData() throws Exception {
        CrawlSummary summary;
        Timeline timeline;
        try (DemoShop shop = DemoShop.builder().products(400).latency(Duration.ofMillis(5), Duration.ofMillis(40))
                .fault(Fault.SERVER_ERROR_500, 0.05).start();
             Crawl crawl = Trawl.crawl().seeds(Seeds.sites(List.of(shop.baseUri().toString()))).perHost(4, Duration.ZERO)
                     .backoff(Duration.ofMillis(10)).start();
             Timeline sampled = Timeline.start(crawl)) {
            timeline = sampled;
            summary = crawl.await();
        }
        Path file = dir.resolve("report.html");
        HtmlReport.write(file, summary, timeline.samples());
        String html = Files.readString(file);

        // nothing to fetch: no scripts, styles or images by URL
        for (String external : List.of(" src=", "<link", "@import", "url(", "<iframe")) {
            assertFalse(html.contains(external), external);
        }
        assertEquals(5, count(html, "<svg "), "throughput, in flight, latency, statuses, failures");
        assertTrue(html.contains("<polyline"));
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"trawl-data\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertTrue(m.find());
        JsonNode data = new ObjectMapper().readTree(m.group(1));
        assertTrue(data.get("timeline").size() >= 2, data.get("timeline").toString());
        assertEquals(summary.counts().byStatus().get(200).longValue(), data.get("status").get("200").asLong());
        assertTrue(data.get("status").has("500"), "the injected 500s are charted");
        long histogram = 0;
        for (JsonNode n : data.get("latency_us")) {
            histogram += n.asLong();
        }
        assertEquals(summary.counts().attempts(), histogram, "every attempt is in the latency histogram");
        JsonNode host = data.get("hosts").get(0);
        assertEquals(summary.counts().done(), host.get("pages").asLong());
        assertTrue(host.get("concurrency").asDouble() > 0 && host.get("concurrency").asDouble() <= 4.05, host.toString());
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
