package dev.trawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trawl demo}: four shops in four markup styles and one whose pages are built by scripts
 * (rendered in Chromium, which ./test installs), crawled from their roots with no URL list, every
 * field checked.
 */
class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void crawlsEveryShopFromItsRootAndReadsEveryProductExactly() throws Exception {
        // The blocking detector is tested by BlockingDetectorTest: here, on a busy machine, it could name a stalled carrier.
        CrawlCommandTest.Run run = CrawlCommandTest.trawl("demo", "--products", "240", "--dir", dir.toString(), "--no-detect-blocking");
        assertEquals(0, run.code(), run.err());
        assertEquals("trawl: 300 products of run 1 written from " + dir.resolve("crawl.db") + " to " + dir.resolve("products.jsonl") + "\n",
                run.warnings(), "no recipe misses, no warnings: only the export's line");
        assertTrue(run.out().contains("checked against the shops' catalogues: 300 of 300 products exact, every field"), run.out());
        assertTrue(run.out().contains("  rendered: 60 pages in the browser, 60 with products"), run.out());
        assertTrue(run.out().matches("(?s).*robots\\.txt: \\d+ draft pages the sitemaps list are disallowed; the shops counted 0 requests.*"),
                run.out());
        assertTrue(run.out().contains("  blocked:  0 URLs (the demo shops do not guard themselves"), run.out());
        assertTrue(run.out().contains("the shops inject faults on purpose: 2.0% of pages fail once"), run.out());
        assertTrue(run.out().contains("  report: " + dir.resolve("report.html")), run.out());
        assertEquals(300, Files.readAllLines(dir.resolve("products.jsonl")).size());
        assertTrue(Files.readString(dir.resolve("report.html")).contains("id=\"trawl-data\""), "the demo writes its report");
    }
}
