package dev.trawl.cli;

import dev.trawl.crawl.CrawlCounts;
import dev.trawl.crawl.HostCounts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trawl.crawl.CrawlSummary;
import dev.trawl.crawl.RenderCounts;
import dev.trawl.crawl.FailureReason;
import dev.trawl.internal.stats.CrawlStats;
import dev.trawl.internal.text.ControlChars;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The end-of-crawl summary: done, failed by reason, speed and CPU. */
final class SummaryPrinter {
    private SummaryPrinter() {}

    static void print(CrawlSummary s, PrintWriter out) {
        CrawlCounts c = s.counts();
        String failures = FailureReason.describe(c.failedByReason());
        out.printf(Locale.ROOT, "%s %d URLs in %.2f s: %d done, %d failed%s%s%n",
                s.stoppedEarly() ? "stopped early after" : "crawled", c.finished(), s.elapsed().toNanos() / 1e9, c.done(), c.failed(),
                failures.isEmpty() ? "" : " (" + failures + ")", c.stopped() == 0 ? ""
                        : "; " + c.stopped() + " stopped in flight, without an outcome" + (s.run() != null ? " (pending in the store)" : ""));
        out.printf(Locale.ROOT, "  %.0f pages/s, %d products, %.1f MB, %d requests (%d retries, %d redirects)%n",
                s.pagesPerSecond(), c.products(), c.bytes() / 1e6, c.attempts(), c.retries(), c.redirects());
        out.printf(Locale.ROOT, "  CPU %.2f s (%.3f ms per URL)%n", s.cpu().toNanos() / 1e9, s.cpuMillisPerPage());
        if (c.noProduct() > 0) {
            // Soft blocks (a challenge served as 200) land here when no rule names them; they are small, so the smallest come first.
            out.printf(Locale.ROOT, "  no product: %d product %s answered 200 with no product, smallest first: %s%n", c.noProduct(),
                    c.noProduct() == 1 ? "URL" : "URLs", ControlChars.escape(String.join(", ", c.noProductExamples())));
        }
        render(s, out);
        if (s.run() != null) {
            long unchanged = c.byStatus().getOrDefault(304, 0L);
            out.printf(Locale.ROOT, "  store: run %d of job %s%s%s%s%n", s.run().id(), ControlChars.escape(s.run().job()), s.run().resumed() ? ", resumed" : "",
                    s.stoppedEarly() ? ", unfinished (the same command resumes it)" : ", finished",
                    unchanged > 0 ? "; " + unchanged + " pages unchanged since the last run (304)" : "");
        }
        hosts(s, out);
        proxies(s, out);
        out.flush();
    }

    /** What the browser did, and the pages that looked as if they needed it but were not rendered. */
    private static void render(CrawlSummary s, PrintWriter out) {
        RenderCounts r = s.render();
        if (r.rendered() > 0) {
            out.printf(Locale.ROOT, "  rendered: %d %s in the browser, %d with products; p50 %s ms, p95 %s ms; browser CPU %.2f s (%.0f%% of all); %d %s%n",
                    r.rendered(), r.rendered() == 1 ? "page" : "pages", r.withProducts(), millis(r.p50()), millis(r.p95()),
                    r.browserCpu().toNanos() / 1e9, 100 * s.renderCpuShare(), r.restarts(), r.restarts() == 1 ? "restart" : "restarts");
        }
        if (r.scripted() > 0) {
            out.printf(Locale.ROOT, "  not rendered: %d product %s gave no product and looked built by scripts, e.g. %s%s%n", r.scripted(),
                    r.scripted() == 1 ? "page" : "pages", ControlChars.escape(r.scriptedExample()),
                    r.mode().equals("never") ? " (rendering is off: --render auto renders them, with Chromium: apt-get install chromium)" : "");
        }
    }

    /** Per host: pages, products, failures by reason, latency percentiles, bytes, effective concurrency. */
    private static void hosts(CrawlSummary s, PrintWriter out) {
        List<HostCounts> hosts = s.counts().hosts();
        if (hosts.isEmpty()) {
            return;
        }
        // Host names are escaped as every printed text is: a hostile one does not reach the terminal raw.
        int width = Math.max(4, hosts.stream().mapToInt(h -> ControlChars.escape(h.host()).length()).max().orElse(4));
        String row = "  %-" + width + "s %7s %8s %7s %7s %7s %8s %6s  %s%n";
        out.printf(Locale.ROOT, row, "host", "pages", "products", "p50 ms", "p95 ms", "p99 ms", "MB", "conc.", "failed");
        for (HostCounts h : hosts) {
            String failed = FailureReason.describe(h.failedByReason());
            out.printf(Locale.ROOT, row, ControlChars.escape(h.host()), h.done(), h.products(), millis(h.p50()), millis(h.p95()), millis(h.p99()),
                    String.format(Locale.ROOT, "%.1f", h.bytes() / 1e6), String.format(Locale.ROOT, "%.1f", h.concurrency(s.elapsed())),
                    failed.isEmpty() ? "-" : failed);
        }
    }

    /** Per proxy (password masked): sessions, requests, blocked, errors, median latency, state. */
    private static void proxies(CrawlSummary s, PrintWriter out) {
        if (s.proxies().isEmpty()) {
            return;
        }
        int width = Math.max(5, s.proxies().stream().mapToInt(p -> ControlChars.escape(p.proxy()).length()).max().orElse(5));
        String row = "  %-" + width + "s %8s %8s %7s %6s %7s  %s%n";
        out.printf(Locale.ROOT, row, "proxy", "sessions", "requests", "blocked", "errors", "p50 ms", "state");
        for (var p : s.proxies()) {
            out.printf(Locale.ROOT, row, ControlChars.escape(p.proxy()), p.sessions(), p.requests(), p.blocked(), p.errors(), millis(p.p50()),
                    ControlChars.escape(p.state()));
        }
    }

    private static String millis(java.time.Duration d) {
        return String.format(Locale.ROOT, "%.1f", d.toNanos() / 1e6);
    }

    /** The same figures as JSON, for scripts and the benchmarks. */
    static void writeJson(CrawlSummary s, Path file) throws IOException {
        Files.writeString(file, json(s).toPrettyString() + "\n");
    }

    /** The summary's figures as one JSON object. */
    static ObjectNode json(CrawlSummary s) {
        CrawlCounts c = s.counts();
        ObjectNode json = new ObjectMapper().createObjectNode();
        json.put("done", c.done()).put("failed", c.failed()).put("stopped", c.stopped()).put("products", c.products()).put("requests", c.attempts())
                .put("retries", c.retries()).put("redirects", c.redirects()).put("bytes", c.bytes())
                .put("elapsed_s", s.elapsed().toNanos() / 1e9).put("cpu_s", s.cpu().toNanos() / 1e9)
                .put("pages_per_s", s.pagesPerSecond()).put("cpu_ms_per_page", s.cpuMillisPerPage())
                .put("stopped_early", s.stoppedEarly()).put("no_product", c.noProduct());
        if (s.run() != null) {
            json.put("run", s.run().id()).put("resumed", s.run().resumed());
        }
        ObjectNode reasons = json.putObject("failed_by_reason");
        c.failedByReason().forEach((r, n) -> reasons.put(r.code(), n));
        ObjectNode statuses = json.putObject("status");
        c.byStatus().forEach((st, n) -> statuses.put(String.valueOf(st), n));
        RenderCounts r = s.render();
        json.putObject("render").put("mode", r.mode()).put("rendered", r.rendered()).put("with_products", r.withProducts())
                .put("p50_ms", r.p50().toNanos() / 1e6).put("p95_ms", r.p95().toNanos() / 1e6).put("restarts", r.restarts())
                .put("browser_cpu_s", r.browserCpu().toNanos() / 1e9).put("cpu_share", s.renderCpuShare()).put("not_rendered", r.scripted());
        var proxies = json.putArray("proxies");
        for (var p : s.proxies()) {
            proxies.addObject().put("proxy", p.proxy()).put("sessions", p.sessions()).put("requests", p.requests())
                    .put("blocked", p.blocked()).put("errors", p.errors()).put("p50_ms", p.p50().toNanos() / 1e6).put("state", p.state());
        }
        return json;
    }
}
