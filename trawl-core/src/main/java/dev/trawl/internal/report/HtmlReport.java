package dev.trawl.internal.report;

import dev.trawl.crawl.CrawlCounts;
import dev.trawl.crawl.HostCounts;
import dev.trawl.crawl.ProxyCounts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trawl.crawl.CrawlSummary;
import dev.trawl.crawl.FailureReason;
import dev.trawl.internal.stats.CrawlStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained HTML file about a finished crawl, that opens from disk with no network:
 * throughput and requests in flight over time, the latency histogram, responses by status,
 * failures by reason, and a table per host (pages, products, latency percentiles, effective
 * concurrency, failures). Charts are inline SVG; their data is also embedded as JSON
 * ({@code <script type="application/json" id="trawl-data">}) for tools.
 */
public final class HtmlReport {
    private HtmlReport() {}

    public static void write(Path file, CrawlSummary summary, List<Timeline.Point> timeline) throws IOException {
        Files.writeString(file, html(summary, timeline), StandardCharsets.UTF_8);
    }

    static String html(CrawlSummary summary, List<Timeline.Point> timeline) {
        CrawlCounts c = summary.counts();
        List<Double> seconds = new ArrayList<>();
        List<Double> rate = new ArrayList<>();
        List<Double> inFlight = new ArrayList<>();
        for (int i = 0; i < timeline.size(); i++) {
            Timeline.Point p = timeline.get(i);
            seconds.add(p.seconds());
            inFlight.add((double) p.inFlight());
            if (i == 0) {
                rate.add(0.0);
            } else {
                Timeline.Point prev = timeline.get(i - 1);
                rate.add((p.finished() - prev.finished()) / Math.max(1e-9, p.seconds() - prev.seconds()));
            }
        }
        List<String> latencyLabels = new ArrayList<>();
        List<Long> latencyCounts = new ArrayList<>();
        c.latencyMicros().forEach((upper, n) -> {
            latencyLabels.add(ms(upper));
            latencyCounts.add(n);
        });
        List<String> statusLabels = c.byStatus().keySet().stream().map(String::valueOf).toList();
        List<Long> statusCounts = List.copyOf(c.byStatus().values());
        List<String> reasonLabels = c.failedByReason().keySet().stream().map(r -> r.code()).toList();
        List<Long> reasonCounts = List.copyOf(c.failedByReason().values());

        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>trawl report</title>\n<style>")
                .append("body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;max-width:1180px}h1{font-size:20px}")
                .append("h2{font-size:15px;margin:0 0 6px}.grid{display:grid;grid-template-columns:repeat(2,580px);gap:18px}")
                .append(".card{border:1px solid #ddd;border-radius:6px;padding:10px}table{border-collapse:collapse;margin-top:18px}")
                .append("td,th{border-bottom:1px solid #eee;padding:4px 10px;text-align:right}td:first-child,th:first-child{text-align:left}")
                .append(".kpi{display:flex;gap:28px;margin:10px 0 18px}.kpi b{display:block;font-size:20px}</style></head><body>\n");
        h.append("<h1>trawl: ").append(summary.stoppedEarly() ? "stopped early after " : "crawled ").append(c.finished())
                .append(" URLs in ").append(String.format(Locale.ROOT, "%.2f", summary.elapsed().toNanos() / 1e9)).append(" s</h1>\n<div class=\"kpi\">");
        kpi(h, "done", String.valueOf(c.done()));
        kpi(h, "failed", String.valueOf(c.failed()));
        kpi(h, "products", String.valueOf(c.products()));
        kpi(h, "pages/s", String.format(Locale.ROOT, "%.0f", summary.pagesPerSecond()));
        kpi(h, "requests", c.attempts() + " (" + c.retries() + " retries)");
        kpi(h, "MB", String.format(Locale.ROOT, "%.1f", c.bytes() / 1e6));
        kpi(h, "CPU ms / URL", String.format(Locale.ROOT, "%.3f", summary.cpuMillisPerPage()));
        var r = summary.render();
        if (r.rendered() > 0) {
            kpi(h, "rendered", r.rendered() + " (" + r.withProducts() + " with products)");
            kpi(h, "render p50 / p95 ms", ms(r.p50().toNanos() / 1000) + " / " + ms(r.p95().toNanos() / 1000));
            kpi(h, "browser CPU", String.format(Locale.ROOT, "%.1f s (%.0f%%), %d restarts", r.browserCpu().toNanos() / 1e9,
                    100 * summary.renderCpuShare(), r.restarts()));
        }
        h.append("</div>\n<div class=\"grid\">\n");
        card(h, "Throughput over time (URLs finished per second)", Svg.line(seconds, rate, "/s", "#2b6cb0"));
        card(h, "Requests in flight over time", Svg.line(seconds, inFlight, "", "#2f855a"));
        card(h, "Latency histogram (attempts by duration, ms)", Svg.bars(latencyLabels, latencyCounts, "n", "#805ad5"));
        card(h, "Responses by HTTP status", Svg.bars(statusLabels, statusCounts, "n", "#dd6b20"));
        card(h, "Failures by reason", reasonLabels.isEmpty() ? "<p>none</p>" : Svg.bars(reasonLabels, reasonCounts, "n", "#c53030"));
        h.append("</div>\n<table><tr><th>host</th><th>pages</th><th>products</th><th>requests</th><th>p50 ms</th><th>p95 ms</th>")
                .append("<th>p99 ms</th><th>MB</th><th>effective concurrency</th><th>failed</th></tr>\n");
        for (HostCounts host : c.hosts()) {
            h.append("<tr><td>").append(Svg.escape(host.host())).append("</td><td>").append(host.done()).append("</td><td>")
                    .append(host.products()).append("</td><td>").append(host.requests()).append("</td><td>").append(ms(host.p50().toNanos() / 1000))
                    .append("</td><td>").append(ms(host.p95().toNanos() / 1000)).append("</td><td>").append(ms(host.p99().toNanos() / 1000))
                    .append("</td><td>").append(String.format(Locale.ROOT, "%.1f", host.bytes() / 1e6)).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.1f", host.concurrency(summary.elapsed()))).append("</td><td>")
                    .append(Svg.escape(host.failed() == 0 ? "-" : FailureReason.describe(host.failedByReason()))).append("</td></tr>\n");
        }
        h.append("</table>\n");
        if (!summary.proxies().isEmpty()) {
            h.append("<table><tr><th>proxy</th><th>sessions</th><th>requests</th><th>blocked</th><th>errors</th><th>p50 ms</th>")
                    .append("<th>state</th></tr>\n");
            for (ProxyCounts p : summary.proxies()) {
                h.append("<tr><td>").append(Svg.escape(p.proxy())).append("</td><td>").append(p.sessions()).append("</td><td>")
                        .append(p.requests()).append("</td><td>").append(p.blocked()).append("</td><td>").append(p.errors())
                        .append("</td><td>").append(ms(p.p50().toNanos() / 1000)).append("</td><td>").append(Svg.escape(p.state()))
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<script type=\"application/json\" id=\"trawl-data\">")
                .append(data(seconds, rate, inFlight, c, summary.elapsed()).replace("</", "<\\/")).append("</script>\n</body></html>\n");
        return h.toString();
    }

    private static String data(List<Double> seconds, List<Double> rate, List<Double> inFlight, CrawlCounts c, Duration elapsed) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ArrayNode t = root.putArray("timeline");
        for (int i = 0; i < seconds.size(); i++) {
            t.addObject().put("t", seconds.get(i)).put("rate", rate.get(i)).put("in_flight", inFlight.get(i));
        }
        ObjectNode latency = root.putObject("latency_us");
        c.latencyMicros().forEach((upper, n) -> latency.put(String.valueOf(upper), n));
        ObjectNode status = root.putObject("status");
        c.byStatus().forEach((s, n) -> status.put(String.valueOf(s), n));
        ObjectNode failures = root.putObject("failures");
        c.failedByReason().forEach((r, n) -> failures.put(r.code(), n));
        ArrayNode hosts = root.putArray("hosts");
        for (HostCounts host : c.hosts()) {
            hosts.addObject().put("host", host.host()).put("pages", host.done()).put("products", host.products())
                    .put("requests", host.requests()).put("p50_ms", host.p50().toNanos() / 1e6).put("p95_ms", host.p95().toNanos() / 1e6)
                    .put("p99_ms", host.p99().toNanos() / 1e6).put("bytes", host.bytes())
                    .put("concurrency", host.concurrency(elapsed)).put("failed", host.failed());
        }
        return root.toString();
    }

    private static void kpi(StringBuilder h, String name, String value) {
        h.append("<div><b>").append(Svg.escape(value)).append("</b>").append(name).append("</div>");
    }

    private static void card(StringBuilder h, String title, String chart) {
        h.append("<div class=\"card\"><h2>").append(Svg.escape(title)).append("</h2>").append(chart).append("</div>\n");
    }

    private static String ms(long micros) {
        double ms = micros / 1000.0;
        return ms >= 10 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.1f", ms);
    }
}
