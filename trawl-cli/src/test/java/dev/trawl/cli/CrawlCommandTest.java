package dev.trawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trawl.demoshop.CatalogueProduct;
import dev.trawl.demoshop.DemoShop;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it, against the demo shop. */
class CrawlCommandTest {
    @TempDir
    Path dir;

    /** A URL file of the shop's first {@code n} product pages. */
    private Path urlFile(DemoShop shop, int n) throws java.io.IOException {
        return urlFile(shop, n, dir);
    }

    /** A URL file of the shop's first {@code n} product pages, in {@code dir}. */
    static Path urlFile(DemoShop shop, int n, Path dir) throws java.io.IOException {
        StringBuilder text = new StringBuilder();
        for (int id = 0; id < n; id++) {
            text.append(shop.baseUri().resolve("/p/" + id)).append('\n');
        }
        return Files.writeString(dir.resolve("urls.txt"), text);
    }

    record Run(int code, String out, String err) {
        /** Standard error without the progress lines a slow machine may add to any crawl (one each 10 s). */
        String warnings() {
            return err.lines().filter(l -> !l.startsWith("trawl: progress: "))
                    .map(l -> l + "\n").reduce("", String::concat);
        }
    }

    static Run trawl(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void crawlsAFileWithBadLinesReportsEachByFileAndLineAndFinishesTheRest() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(30).start()) {
            Path urls = dir.resolve("urls.txt");
            StringBuilder text = new StringBuilder("# product pages\n");
            for (int id = 0; id < 20; id++) {
                text.append(shop.baseUri().resolve(shop.catalogue().product(id).path())).append('\n');
                if (id == 4) {
                    text.append("htp//broken line\n");
                }
                if (id == 9) {
                    text.append("ftp://files.example/catalogue.csv\n\n");
                }
            }
            Files.writeString(urls, text);
            Path out = dir.resolve("products.jsonl");
            Path outcomes = dir.resolve("outcomes.jsonl");
            Run run = trawl("crawl", "--urls", urls.toString(), "--out", out.toString(), "--outcomes", outcomes.toString(),
                    "--concurrency", "8", "--per-host", "4");
            assertEquals(0, run.code(), run.err());
            List<String> errLines = run.warnings().lines().toList();
            assertEquals(2, errLines.size(), run.err());
            assertTrue(errLines.get(0).startsWith("trawl: " + urls + ":7: not an absolute URL (no scheme such as http://): htp//broken line"),
                    errLines.get(0));
            assertTrue(errLines.get(1).startsWith("trawl: " + urls + ":13: unsupported scheme 'ftp'"), errLines.get(1));
            assertTrue(run.out().startsWith("crawled 22 URLs in "), run.out());
            assertTrue(run.out().contains("20 done, 2 failed (invalid_url 1, unsupported_scheme 1)"), run.out());

            ObjectMapper json = new ObjectMapper();
            List<String> productLines = Files.readAllLines(out);
            assertEquals(20, productLines.size());
            for (String line : productLines) {
                JsonNode n = json.readTree(line);
                long id = Long.parseLong(n.get("url").asText().replaceAll(".*/p/", ""));
                CatalogueProduct p = shop.catalogue().product(id);
                assertEquals(p.name(), n.get("name").asText());
                assertEquals(p.sku(), n.get("sku").asText());
                assertEquals(0, p.price().compareTo(new BigDecimal(n.get("price").asText())));
                assertEquals(p.currency(), n.get("currency").asText());
                assertEquals(200, n.get("http_status").asInt());
            }
            assertEquals(22, Files.readAllLines(outcomes).size());
        }
    }

    @Test
    void printsAPlainProgressLineWhenStandardErrorIsNotATerminal() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(40).latency(java.time.Duration.ofMillis(100)).start()) {
            Path urls = urlFile(shop, 40);
            Run run = trawl("crawl", "--urls", urls.toString(), "--concurrency", "2", "--progress-every", "300ms");
            assertEquals(0, run.code(), run.err());
            List<String> progress = run.err().lines().filter(l -> l.startsWith("trawl: progress: ")).toList();
            assertTrue(progress.size() >= 3, run.err());
            for (String line : progress) {
                assertTrue(line.matches("trawl: progress: \\d+ done of \\d+ known, \\d+ pages/s \\(avg \\d+\\), [0-2] in flight, "
                        + "\\d+ retries waiting, ETA \\S+"), line);
            }
            assertTrue(run.err().chars().noneMatch(c -> c == '\r' || c == 0x1b), "no control characters");
            assertEquals("", trawl("crawl", "--urls", urls.toString(), "--progress-every", "100ms", "--quiet").err());
        }
    }

    @Test
    void theSummaryHasATableOfHostsWithLatencyAndEffectiveConcurrency() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(40).latency(java.time.Duration.ofMillis(50)).start()) {
            Path urls = dir.resolve("urls.txt");
            StringBuilder text = new StringBuilder();
            for (int id = 0; id < 40; id++) {
                text.append(shop.baseUri().resolve("/p/" + id)).append('\n');
            }
            text.append(shop.baseUri().resolve("/cart")).append('\n');
            Files.writeString(urls, text);
            Run run = trawl("crawl", "--urls", urls.toString(), "--per-host", "4");
            assertEquals(0, run.code(), run.err());
            String host = shop.baseUri().toString().replaceAll("/$", "");
            String row = run.out().lines().filter(l -> l.strip().startsWith(host)).findFirst().orElseThrow(() -> new AssertionError(run.out()));
            String[] cells = row.strip().split("\\s+");
            assertEquals("40", cells[1], row);   // pages
            assertEquals("40", cells[2], row);   // products
            double p50 = Double.parseDouble(cells[3]);
            assertTrue(p50 >= 50 && p50 < 200, row); // the shop's 50 ms
            double concurrency = Double.parseDouble(cells[7]);
            assertTrue(concurrency > 1.5 && concurrency <= 4.05, row); // at most the per-host cap of 4
            assertTrue(row.endsWith("robots 1"), row);
            assertTrue(shop.counters().maxInFlight() <= 4);
        }
    }

    @Test
    void servesPrometheusMetricsWhileTheCrawlRuns() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(60).latency(java.time.Duration.ofMillis(100)).start();
             var http = java.net.http.HttpClient.newHttpClient()) {
            Path urls = urlFile(shop, 60);
            int port;
            try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            var run = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> trawl("crawl", "--urls", urls.toString(), "--concurrency", "4", "--metrics-port", String.valueOf(port)));
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/metrics")).build();
            String metrics = null;
            while (metrics == null || !metrics.contains("trawl_host_latency_seconds{host=")) {
                assertTrue(!run.isDone(), "the crawl ended before its metrics showed a host: " + (run.isDone() ? run.get().err() : ""));
                try {
                    metrics = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                } catch (java.io.IOException notYet) {
                    Thread.sleep(20);
                }
            }
            assertTrue(metrics.contains("# TYPE trawl_requests_total counter"), metrics);
            assertTrue(metrics.contains("# TYPE trawl_request_duration_seconds histogram"), metrics);
            assertTrue(metrics.matches("(?s).*\ntrawl_request_duration_seconds_bucket\\{le=\"0\\.05\"} 0\n.*"), "100 ms latency: none under 50 ms");
            assertTrue(metrics.matches("(?s).*\ntrawl_request_duration_seconds_bucket\\{le=\"0\\.25\"} [1-9]\\d*\n.*"), metrics);
            assertTrue(metrics.matches("(?s).*\ntrawl_in_flight [0-4]\n.*"), metrics);
            assertTrue(metrics.contains("trawl_failures_total{reason=\"timeout\"} 0"), metrics);
            String host = shop.baseUri().toString().replaceAll("/$", "");
            assertTrue(metrics.contains("trawl_host_latency_seconds{host=\"" + host + "\",quantile=\"0.5\"}"), metrics);
            Run done = run.get();
            assertEquals(0, done.code(), done.err());
            assertTrue(done.err().startsWith("trawl: metrics at http://127.0.0.1:" + port + "/metrics"), done.err());
        }
    }

    @Test
    void logJsonWritesEveryLineOnStandardErrorAsAJsonObject() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(20).latency(java.time.Duration.ofMillis(100)).start()) {
            Path urls = dir.resolve("urls.txt");
            StringBuilder text = new StringBuilder(shop.baseUri().resolve("/p/0") + "\nnot a url\n");
            for (int id = 1; id < 20; id++) {
                text.append(shop.baseUri().resolve("/p/" + id)).append('\n');
            }
            Files.writeString(urls, text);
            Run run = trawl("crawl", "--urls", urls.toString(), "--concurrency", "2", "--log-json", "--progress-every", "200ms");
            assertEquals(0, run.code(), run.err());
            ObjectMapper json = new ObjectMapper();
            List<JsonNode> lines = new java.util.ArrayList<>();
            for (String line : run.err().lines().toList()) {
                lines.add(json.readTree(line)); // fails on any line that is not JSON
            }
            assertTrue(lines.stream().anyMatch(n -> n.path("level").asText().equals("warn")
                    && n.path("message").asText().startsWith(urls + ":2: ")), run.err());
            assertTrue(lines.stream().anyMatch(n -> n.path("event").asText().equals("progress") && n.has("in_flight")), run.err());
            assertTrue(lines.stream().allMatch(n -> n.has("time") && n.has("message")), run.err());
            JsonNode summary = json.readTree(run.out().strip()); // the summary too: one JSON line, no table
            assertEquals("summary", summary.path("event").asText(), run.out());
            assertEquals(20, summary.path("done").asLong(), run.out());
            assertEquals(1, summary.path("failed").asLong(), run.out());
        }
    }

    @Test
    void urlsThatDifferOnlyInDroppedParametersAreFetchedOnce() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(5).start()) {
            String p1 = shop.baseUri().resolve("/p/1").toString();
            Path urls = Files.writeString(dir.resolve("urls.txt"), String.join("\n", p1, p1 + "?utm_source=mail", p1 + "?ref=home",
                    p1 + "?ref=nav&session_id=9") + "\n");
            Path outcomes = dir.resolve("outcomes.jsonl");
            Run run = trawl("crawl", "--urls", urls.toString(), "--drop-param", "ref", "--drop-param", "session_*", "--outcomes",
                    outcomes.toString(), "--quiet");
            assertEquals(0, run.code(), run.err());
            assertEquals(1, Files.readAllLines(outcomes).size());
            assertEquals(1, shop.requestsFor("/p/1"));

            Run all = trawl("crawl", "--urls", urls.toString(), "--keep-params", "--outcomes", outcomes.toString(), "--quiet");
            assertEquals(0, all.code(), all.err());
            assertEquals(4, Files.readAllLines(outcomes).size());
        }
    }

    @Test
    void aRedirectToAnotherHostEndsOffsiteUnlessAllowOffsiteOrAllowHost() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(5).start()) {
            String elsewhere = "http://localhost:" + shop.baseUri().getPort() + "/p/4";
            Path urls = Files.writeString(dir.resolve("urls.txt"), shop.baseUri().resolve("/fault/redirect?to=" + elsewhere) + "\n");
            Run run = trawl("crawl", "--urls", urls.toString(), "--retries", "0");
            assertEquals(0, run.code(), run.err());
            assertTrue(run.out().contains("0 done, 1 failed (offsite 1)"), run.out());

            for (List<String> flags : List.of(List.of("--allow-offsite"), List.of("--allow-host", "LOCALHOST"))) {
                List<String> args = new java.util.ArrayList<>(List.of("crawl", "--urls", urls.toString(), "--retries", "0"));
                args.addAll(flags);
                Run allowed = trawl(args.toArray(String[]::new));
                assertEquals(0, allowed.code(), allowed.err());
                assertTrue(allowed.out().contains("1 done, 0 failed"), flags + ": " + allowed.out());
            }
        }
    }

    @Test
    void writesCsvWithAHeaderAndQuotedFields() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(50).start()) {
            Path urls = dir.resolve("urls.txt");
            StringBuilder text = new StringBuilder();
            for (int id = 0; id < 50; id++) {
                text.append(shop.baseUri().resolve(shop.catalogue().product(id).path())).append('\n');
            }
            Files.writeString(urls, text);
            Path out = dir.resolve("products.csv");
            Run run = trawl("crawl", "--urls", urls.toString(), "--out", out.toString(), "--quiet");
            assertEquals(0, run.code(), run.err());
            assertEquals("", run.out());
            List<String> lines = Files.readAllLines(out);
            assertEquals("url,canonical_url,name,brand,sku,gtin,mpn,price,currency,list_price,availability,condition,images,category,"
                    + "rating,review_count,seller,offers,source,fetched_at,http_status", lines.getFirst());
            assertEquals(51, lines.size());
            // The catalogue names some products "... \"Signature\" Edition" and some "..., 2-Pack": both must be quoted.
            List<String> names = java.util.stream.LongStream.range(0, 50).mapToObj(id -> shop.catalogue().product(id).name()).toList();
            List<String> withQuote = names.stream().filter(n -> n.contains("\"")).toList();
            List<String> withComma = names.stream().filter(n -> n.contains(",")).toList();
            assertTrue(!withQuote.isEmpty() && !withComma.isEmpty(), "the first 50 products have both: " + names);
            for (String name : java.util.stream.Stream.concat(withQuote.stream(), withComma.stream()).toList()) {
                String quoted = ",\"" + name.replace("\"", "\"\"") + "\",";
                assertEquals(1, lines.stream().filter(l -> l.contains(quoted)).count(), "quoted once: " + quoted);
            }
        }
    }

    @Test
    void readsUrlsFromStandardInput() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(10).start()) {
            StringBuilder text = new StringBuilder();
            for (int id = 0; id < 10; id++) {
                text.append(shop.baseUri().resolve(shop.catalogue().product(id).path())).append('\n');
            }
            text.append("mailto:someone@example.com\n");
            java.io.InputStream stdin = System.in;
            System.setIn(new java.io.ByteArrayInputStream(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            try {
                Path outcomes = dir.resolve("outcomes.csv");
                Run run = trawl("crawl", "--urls", "-", "--outcomes", outcomes.toString());
                assertEquals(0, run.code(), run.err());
                assertTrue(run.warnings().startsWith("trawl: stdin:11: unsupported scheme 'mailto'"), run.err());
                assertTrue(run.out().contains("10 done, 1 failed (unsupported_scheme 1)"), run.out());
                List<String> rows = Files.readAllLines(outcomes);
                assertEquals("url,source,outcome,reason,status,attempts,bytes,elapsed_ms,products,final_url,detail,fetched_at,read", rows.getFirst());
                assertEquals(12, rows.size());
                assertEquals(10, rows.stream().filter(r -> r.contains(",done,,200,1,")).count());
            } finally {
                System.setIn(stdin);
            }
        }
    }

    @Test
    void aMissingUrlFileIsOneClearLine() {
        Run run = trawl("crawl", "--urls", dir.resolve("nope.txt").toString());
        assertEquals(2, run.code());
        assertEquals("trawl: cannot read --urls " + dir.resolve("nope.txt") + ": no such file\n", run.err());
    }

    @Test
    void aBadFlagOrValueIsOneClearLine() {
        Run unknown = trawl("crawl", "--urls", "x.txt", "--concurency", "8");
        assertEquals(2, unknown.code());
        assertEquals(1, unknown.err().lines().count(), unknown.err());
        assertTrue(unknown.err().contains("--concurency"), unknown.err());

        Run badDuration = trawl("crawl", "--urls", "x.txt", "--delay", "fast");
        assertEquals(2, badDuration.code());
        assertEquals(1, badDuration.err().lines().count(), badDuration.err());
        assertTrue(badDuration.err().contains("write it like 500ms, 3s, 1m or 1h"), badDuration.err());

        Run badOut = trawl("crawl", "--urls", "x.txt", "--out", dir.resolve("p.xlsx").toString());
        assertEquals(2, badOut.code());
        assertTrue(badOut.err().contains("name the file .jsonl or .csv"), badOut.err());
    }

    @Test
    void blocksEndAsBlockedWithTheSignalNamedInTheOutcomesAndTheSummary() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(5).start()) {
            Path urls = Files.writeString(dir.resolve("urls.txt"), shop.baseUri().resolve("/fault/challenge?kind=cloudflare") + "\n"
                    + shop.baseUri().resolve("/fault/challenge?kind=plain") + "\n" + shop.baseUri().resolve("/p/1") + "\n");
            Path outcomes = dir.resolve("outcomes.jsonl");
            Run run = trawl("crawl", "--urls", urls.toString(), "--outcomes", outcomes.toString(), "--ignore-robots", "--retries", "1",
                    "--blocked-css", "form#verify-human");
            assertEquals(0, run.code(), run.err());
            assertTrue(run.out().contains("2 failed (blocked 2)") || run.err().contains("2 failed (blocked 2)"), run.out() + run.err());
            List<String> lines = Files.readAllLines(outcomes);
            assertTrue(lines.stream().anyMatch(l -> l.contains("\"reason\":\"blocked\"") && l.contains("\"detail\":\"cloudflare challenge (403)\"")),
                    String.join("\n", lines));
            assertTrue(lines.stream().anyMatch(l -> l.contains("\"reason\":\"blocked\"") && l.contains("\"detail\":\"css form#verify-human (200)\"")),
                    String.join("\n", lines));
            // Without the rule, the shop's own challenge page is done with no product: the summary shows it, smallest first.
            Run soft = trawl("crawl", "--urls", urls.toString(), "--ignore-robots", "--retries", "0");
            assertEquals(0, soft.code(), soft.err());
            String plain = shop.baseUri().resolve("/fault/challenge?kind=plain").toString();
            assertTrue((soft.out() + soft.err()).matches("(?s).*  no product: 1 product URL answered 200 with no product, smallest first: "
                    + java.util.regex.Pattern.quote(plain) + " \\(\\d+ bytes\\)\n.*"), soft.out() + soft.err());
        }
    }

    @Test
    void aShopThatChecksCookiesLetsTheCrawlThroughUnlessCookiesAreOff() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(30).guardCookie(true).start()) {
            Path urls = urlFile(shop, 30);
            Run kept = trawl("crawl", "--urls", urls.toString(), "--ignore-robots");
            assertEquals(0, kept.code(), kept.err());
            assertTrue((kept.out() + kept.err()).contains("30 done, 0 failed"), kept.out() + kept.err());
            Run off = trawl("crawl", "--urls", urls.toString(), "--ignore-robots", "--no-cookies", "--retries", "0");
            assertEquals(0, off.code(), off.err());
            assertTrue((off.out() + off.err()).contains("0 done, 30 failed (blocked 30)"), off.out() + off.err());
        }
    }

    @Test
    void everyOutOfRangeSettingIsOneLineNamingItsFlag() throws Exception {
        Path urls = Files.writeString(dir.resolve("urls.txt"), "http://127.0.0.1:9/p/1\n");
        Map<List<String>, String> bad = new java.util.LinkedHashMap<>();
        bad.put(List.of("--concurrency", "0"), "trawl: --concurrency: must be between 1 and 100000, was 0");
        bad.put(List.of("--concurrency", "100000000"), "trawl: --concurrency: must be between 1 and 100000, was 100000000");
        bad.put(List.of("--per-host", "0"), "trawl: --per-host: must be between 1 and 100000, was 0");
        bad.put(List.of("--retries", "-1"), "trawl: --retries: must be between 0 and 100, was -1");
        bad.put(List.of("--timeout", "0s"), "trawl: --timeout: must be a positive duration, was 0ms");
        bad.put(List.of("--transport", "curl"), "trawl: --transport must be apache or jdk, was curl");
        bad.put(List.of("--metrics-port", "70000"), "trawl: --metrics-port must be between 0 and 65535, was 70000");
        bad.put(List.of("--metrics-port", "-5"), "trawl: --metrics-port must be between 0 and 65535, was -5");
        bad.put(List.of("--progress-every", "0s"), "trawl: --progress-every must be a positive duration, was 0ms");
        bad.put(List.of("--session-uses", "0"), "trawl: --session-uses: must be at least 1, was 0");
        bad.put(List.of("--blocked-status", "42"), "trawl: --blocked-status: must be between 100 and 599, was 42");
        bad.put(List.of("--blocked-text", "(unclosed"), "trawl: --blocked-text: must be a regular expression (Unclosed group), was (unclosed");
        Map<List<String>, String> actual = new java.util.LinkedHashMap<>();
        bad.forEach((flag, line) -> {
            List<String> args = new java.util.ArrayList<>(List.of("crawl", "--urls", urls.toString()));
            args.addAll(flag);
            Run run = trawl(args.toArray(String[]::new));
            actual.put(flag, run.code() + " " + run.err());
        });
        bad.replaceAll((flag, line) -> "2 " + line + "\n");
        assertEquals(bad, actual);
    }

    @Test
    void aUrlFileLineThatIsNotUtf8FailsAloneAndTheRestAreCrawled() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(50).start()) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            for (int id = 0; id < 50; id++) {
                String line = shop.baseUri().resolve("/p/" + id) + (id == 2 ? "?q=caf\u00e9" : "") + "\n";
                // Line 3 in Latin-1: its é is one byte that is not UTF-8.
                bytes.write(line.getBytes(id == 2 ? java.nio.charset.StandardCharsets.ISO_8859_1 : java.nio.charset.StandardCharsets.UTF_8));
            }
            Path urls = Files.write(dir.resolve("u3.txt"), bytes.toByteArray());
            Path outcomes = dir.resolve("outcomes.csv");
            Run run = trawl("crawl", "--urls", urls.toString(), "--outcomes", outcomes.toString(), "--ignore-robots");
            assertEquals(0, run.code(), run.err());
            assertTrue(run.warnings().startsWith("trawl: " + urls + ":3: not UTF-8 text: "), run.err());
            assertEquals(1, run.warnings().lines().count(), run.err());
            assertTrue(run.out().contains("49 done, 1 failed (invalid_url 1)"), run.out());
            assertEquals(51, Files.readAllLines(outcomes).size());
        }
    }

    @Test
    void seedsThatCouldNotBeReadAreAnErrorExit1() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(5).start()) {
            byte[] first = (shop.baseUri().resolve("/p/1") + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            java.io.InputStream broken = new java.io.InputStream() {
                private int at;

                @Override
                public int read() throws java.io.IOException {
                    if (at < first.length) {
                        return first[at++];
                    }
                    throw new java.io.IOException("Input/output error");
                }
            };
            java.io.InputStream stdin = System.in;
            System.setIn(broken);
            try {
                Run run = trawl("crawl", "--urls", "-", "--ignore-robots");
                assertEquals(1, run.code(), run.err());
                assertTrue(run.err().contains("trawl: stdin:2: cannot read: Input/output error (no more seeds read from it)"), run.err());
                assertTrue(run.err().contains("trawl: 1 input or output incomplete"), run.err());
            } finally {
                System.setIn(stdin);
            }
        }
    }

    @Test
    void anOutputThatCannotBeWrittenIsAnErrorExit1() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/full")), "needs /dev/full");
        try (DemoShop shop = DemoShop.builder().products(5).start()) {
            Path urls = urlFile(shop, 3);
            Run noStore = trawl("crawl", "--urls", urls.toString(), "--outcomes", linkTo("/dev/full", "outcomes.csv"), "--quiet");
            assertEquals(1, noStore.code(), noStore.err());
            assertTrue(noStore.err().contains("cannot write " + dir.resolve("outcomes.csv") + ": No space left on device"), noStore.err());
            Path store = dir.resolve("crawl.db");
            Run withStore = trawl("crawl", "--urls", urls.toString(), "--store", store.toString(), "--out", linkTo("/dev/full", "p.jsonl"));
            assertEquals(1, withStore.code(), withStore.err());
            assertTrue(withStore.err().contains("No space left on device"), withStore.err());
            assertTrue(!withStore.err().contains("products of run 1 written"), withStore.err());
            assertTrue(Files.isSymbolicLink(dir.resolve("p.jsonl")), "the device was written, not replaced");
            Run export = trawl("export", store.toString(), "--out", dir.resolve("again.jsonl").toString());
            assertEquals(0, export.code(), export.err());
            assertEquals(3, Files.readAllLines(dir.resolve("again.jsonl")).size(), "the store kept every product");
        }
    }

    /** A link named like an output file to a device, so the name's format is known. */
    private String linkTo(String device, String name) throws java.io.IOException {
        return Files.createSymbolicLink(dir.resolve(name), Path.of(device)).toString();
    }

    @Test
    void anOutputThatIsTheStoreOrAnotherOutputIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path urls = Files.writeString(dir.resolve("urls.txt"), "http://127.0.0.1:9/p/1\n");
        Path store = dir.resolve("crawl.db");
        Run same = trawl("crawl", "--urls", urls.toString(), "--store", store.toString(), "--out", store.toString());
        assertEquals(2, same.code(), same.err());
        assertEquals("trawl: --out " + store + " is the file of --store: give each output a file of its own\n", same.err());
        Run wal = trawl("crawl", "--urls", urls.toString(), "--store", store.toString(), "--outcomes", store + "-wal");
        assertEquals(2, wal.code(), wal.err());
        Path out = dir.resolve("p.jsonl");
        Run twice = trawl("crawl", "--urls", urls.toString(), "--out", out.toString(), "--outcomes", dir.resolve(".").resolve("p.jsonl").toString());
        assertEquals(2, twice.code(), twice.err());
        assertTrue(twice.err().contains("is the file of --out"), twice.err());
        assertTrue(!Files.exists(store) && !Files.exists(out), "nothing was written");
    }

    @Test
    void theDemoShopStaysOnLoopbackUnlessToldOtherwise() {
        Run run = trawl("demo-shop", "--address", "0.0.0.0");
        assertEquals(2, run.code(), run.err());
        assertEquals("trawl: --address 0.0.0.0 is not on loopback: it would serve every network it reaches; give --public to mean it\n",
                run.err());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("crawl", "demo", "demo-shop")) {
            Run run = trawl(command, "--help");
            assertEquals(0, run.code());
            assertTrue(run.out().startsWith("Usage: trawl " + command), run.out());
        }
        Run top = trawl("--help");
        assertTrue(top.out().contains("crawl") && top.out().contains("demo-shop"), top.out());
    }
}
