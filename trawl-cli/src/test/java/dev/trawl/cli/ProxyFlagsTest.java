package dev.trawl.cli;

import static dev.trawl.cli.CrawlCommandTest.trawl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proxy flags: bad input is one line each with its place, and no password is ever printed. */
class ProxyFlagsTest {
    @TempDir
    Path dir;

    @Test
    void badProxiesAreRefusedBeforeTheCrawlEachWithItsPlaceAndNoPassword() throws Exception {
        Path urls = Files.writeString(dir.resolve("urls.txt"), "http://127.0.0.1:9/p/1\n");
        Path list = Files.writeString(dir.resolve("proxies.txt"), """
                # our proxies
                http://ana:hunter2@127.0.0.1:3128

                ftp://bob:hunter3@127.0.0.1:21
                socks5://carl:hunter4@127.0.0.1
                """);
        CrawlCommandTest.Run run = trawl("crawl", "--urls", urls.toString(), "--proxies", list.toString(),
                "--proxy", "http://dan:hunter5@:8080");
        assertEquals(2, run.code(), run.err());
        assertEquals("""
                trawl: --proxy: not a proxy URL (scheme://[user:password@]host:port): http://dan:***@:8080
                trawl: %1$s:4: a proxy is http:// or socks5://, was ftp://: ftp://bob:***@127.0.0.1:21
                trawl: %1$s:5: a proxy URL needs its port: socks5://carl:***@127.0.0.1
                """.formatted(list), run.err());
        assertFalse((run.out() + run.err()).contains("hunter"), run.err());
    }

    @Test
    void proxiesNeedTrawlsOwnTransport() throws Exception {
        Path urls = Files.writeString(dir.resolve("urls.txt"), "http://127.0.0.1:9/p/1\n");
        CrawlCommandTest.Run run = trawl("crawl", "--urls", urls.toString(), "--proxy", "http://ana:hunter2@127.0.0.1:3128",
                "--transport", "jdk");
        assertEquals(2, run.code(), run.err());
        assertEquals("trawl: --proxies: go through trawl's own transport, Apache HttpClient (Transports.apache()), was another transport\n",
                run.err());
        assertFalse(run.err().contains("hunter"), run.err());
    }

    @Test
    void aCrawlThroughAProxyShowsItsRowAndNoPasswordAnywhere() throws Exception {
        try (dev.trawl.internal.proxy.TestProxies proxies = new dev.trawl.internal.proxy.TestProxies(dir);
             dev.trawl.demoshop.DemoShop shop = dev.trawl.demoshop.DemoShop.builder().address("127.0.0.65").products(30).start()) {
            int port = proxies.http("127.0.1.9", "ana", "hunter2");
            Path urls = CrawlCommandTest.urlFile(shop, 30, dir);
            Path outcomes = dir.resolve("outcomes.jsonl");
            Path summary = dir.resolve("summary.json");
            Path report = dir.resolve("report.html");
            CrawlCommandTest.Run run = trawl("crawl", "--urls", urls.toString(), "--ignore-robots", "--proxy",
                    "http://ana:hunter2@127.0.0.1:" + port, "--outcomes", outcomes.toString(), "--summary-json", summary.toString(),
                    "--report", report.toString());
            assertEquals(0, run.code(), run.err());
            assertTrue(run.out().contains("30 done, 0 failed") || run.err().contains("30 done, 0 failed"), run.out() + run.err());
            String all = run.out() + run.err();
            assertTrue(all.matches("(?s).*  http://ana:\\*\\*\\*@127\\.0\\.0\\.1:" + port + " +\\d+ +\\d+ +0 +0 +[\\d.]+  active\n.*"), all);
            assertEquals(java.util.Set.of("127.0.1.9"), shop.requestsByClient().keySet());
            for (String text : java.util.List.of(all, Files.readString(outcomes), Files.readString(summary), Files.readString(report))) {
                assertFalse(text.contains("hunter2"), text);
            }
            assertTrue(Files.readString(summary).contains("\"proxy\" : \"http://ana:***@127.0.0.1:" + port + "\""), Files.readString(summary));
            assertTrue(Files.readString(report).contains("<tr><td>http://ana:***@127.0.0.1:" + port + "</td><td>"), "the report's proxy table");
        }
    }

    @Test
    void caCertTrustsATlsShopsCertificateAndABadFileIsOneLine() throws Exception {
        try (dev.trawl.demoshop.DemoShop shop = dev.trawl.demoshop.DemoShop.builder().address("127.0.0.73").products(20)
                .tls(dir.resolve("shop.pem")).start()) {
            StringBuilder text = new StringBuilder();
            for (int id = 0; id < 20; id++) {
                text.append(shop.httpsUri().resolve("/p/" + id)).append('\n');
            }
            Path urls = Files.writeString(dir.resolve("https.txt"), text);
            Path out = dir.resolve("products.jsonl");
            CrawlCommandTest.Run run = trawl("crawl", "--urls", urls.toString(), "--ignore-robots", "--ca-cert",
                    shop.certificateFile().toString(), "--out", out.toString());
            assertEquals(0, run.code(), run.err());
            assertEquals(20, Files.readAllLines(out).size());

            CrawlCommandTest.Run untrusted = trawl("crawl", "--urls", urls.toString(), "--ignore-robots", "--retries", "0");
            assertTrue((untrusted.out() + untrusted.err()).contains("20 failed"), untrusted.out() + untrusted.err());
            assertTrue((untrusted.out() + untrusted.err()).contains("tls"), untrusted.out() + untrusted.err());
        }
        Path notACert = Files.writeString(dir.resolve("not.pem"), "hello\n");
        CrawlCommandTest.Run bad = trawl("crawl", "--urls", Files.writeString(dir.resolve("one.txt"), "http://127.0.0.1:9/p/1\n").toString(), "--ca-cert",
                notACert.toString());
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().startsWith("trawl: --ca-cert " + notACert + ": "), bad.err());
        assertEquals(1, bad.err().lines().count(), bad.err());
    }
}
