package dev.trawl.internal.stats;

import dev.trawl.crawl.CrawlCounts;
import dev.trawl.crawl.HostCounts;

import dev.trawl.crawl.CrawlProgress;
import dev.trawl.crawl.ProxyCounts;
import dev.trawl.crawl.FailureReason;
import java.util.Locale;
import java.util.Map;

/**
 * A crawl's progress in the Prometheus text exposition format (version 0.0.4): counters of
 * requests, pages, products, bytes, retries and failures by reason; a histogram of request
 * latency; gauges of requests in flight, queued and waiting to retry; per host, pages, failures,
 * bytes, time busy and latency quantiles. Written directly (the format is a few lines of text a
 * metric), so the crawl's own counters are the metrics and no metrics library is loaded.
 */
public final class PrometheusText {
    private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};

    private PrometheusText() {}

    public static String format(CrawlProgress p) {
        CrawlCounts c = p.counts();
        StringBuilder s = new StringBuilder(4096);
        counter(s, "trawl_requests_total", "HTTP attempts sent, retries and redirect hops included", c.attempts());
        counter(s, "trawl_pages_total", "URLs done (fetched, products read)", c.done());
        counter(s, "trawl_products_total", "products read", c.products());
        counter(s, "trawl_response_bytes_total", "decoded body bytes received", c.bytes());
        counter(s, "trawl_retries_total", "attempts scheduled again after a failure", c.retries());
        header(s, "trawl_failures_total", "counter", "URLs failed for good, by reason");
        for (FailureReason r : FailureReason.values()) {
            s.append("trawl_failures_total{reason=\"").append(r.code()).append("\"} ").append(c.failedByReason().getOrDefault(r, 0L)).append('\n');
        }
        header(s, "trawl_responses_total", "counter", "responses by HTTP status");
        c.byStatus().forEach((status, n) -> s.append("trawl_responses_total{status=\"").append(status).append("\"} ").append(n).append('\n'));
        header(s, "trawl_request_duration_seconds", "histogram", "attempt latency, all hosts");
        long cumulative = 0;
        var buckets = c.latencyMicros().entrySet().iterator();
        var next = buckets.hasNext() ? buckets.next() : null;
        long total = c.latencyMicros().values().stream().mapToLong(Long::longValue).sum();
        for (double le : BUCKETS) {
            // each of our buckets is counted under the first bound at or above its upper end
            while (next != null && next.getKey() <= le * 1e6) {
                cumulative += next.getValue();
                next = buckets.hasNext() ? buckets.next() : null;
            }
            s.append("trawl_request_duration_seconds_bucket{le=\"").append(le).append("\"} ").append(cumulative).append('\n');
        }
        s.append("trawl_request_duration_seconds_bucket{le=\"+Inf\"} ").append(total).append('\n');
        long busy = c.hosts().stream().mapToLong(h -> h.busy().toNanos()).sum();
        s.append("trawl_request_duration_seconds_sum ").append(seconds(busy)).append('\n');
        s.append("trawl_request_duration_seconds_count ").append(total).append('\n');
        gauge(s, "trawl_in_flight", "requests on the wire now", p.inFlight());
        gauge(s, "trawl_queued", "requests known and not yet started", p.queued());
        gauge(s, "trawl_retries_waiting", "requests waiting out a backoff or Retry-After", p.retriesWaiting());
        gauge(s, "trawl_elapsed_seconds", "time since the crawl started", p.elapsed().toNanos() / 1e9);

        header(s, "trawl_host_pages_total", "counter", "URLs done, per host");
        header(s, "trawl_host_failures_total", "counter", "URLs failed, per host");
        header(s, "trawl_host_bytes_total", "counter", "body bytes, per host");
        header(s, "trawl_host_busy_seconds_total", "counter", "attempt durations added up, per host (its rate is the host's effective concurrency)");
        header(s, "trawl_host_latency_seconds", "summary", "attempt latency per host");
        for (HostCounts h : c.hosts()) {
            String host = "host=\"" + escape(h.host()) + "\"";
            s.append("trawl_host_pages_total{").append(host).append("} ").append(h.done()).append('\n');
            s.append("trawl_host_failures_total{").append(host).append("} ").append(h.failed()).append('\n');
            s.append("trawl_host_bytes_total{").append(host).append("} ").append(h.bytes()).append('\n');
            s.append("trawl_host_busy_seconds_total{").append(host).append("} ").append(seconds(h.busy().toNanos())).append('\n');
            for (Map.Entry<String, java.time.Duration> q : Map.of("0.5", h.p50(), "0.95", h.p95(), "0.99", h.p99()).entrySet()) {
                s.append("trawl_host_latency_seconds{").append(host).append(",quantile=\"").append(q.getKey()).append("\"} ")
                        .append(seconds(q.getValue().toNanos())).append('\n');
            }
            s.append("trawl_host_latency_seconds_sum{").append(host).append("} ").append(seconds(h.busy().toNanos())).append('\n');
            s.append("trawl_host_latency_seconds_count{").append(host).append("} ").append(h.requests()).append('\n');
        }
        proxies(s, p.proxies());
        return s.toString();
    }

    /** Per proxy, as the summary's table: its URL with the password masked is the label, never the password. */
    private static void proxies(StringBuilder s, java.util.List<ProxyCounts> proxies) {
        if (proxies.isEmpty()) {
            return;
        }
        header(s, "trawl_proxy_requests_total", "counter", "requests sent through each proxy");
        header(s, "trawl_proxy_blocked_total", "counter", "responses through each proxy that were blocks");
        header(s, "trawl_proxy_errors_total", "counter", "times each proxy itself failed (connect, tunnel, password)");
        header(s, "trawl_proxy_latency_seconds", "gauge", "median latency of responses through each proxy");
        header(s, "trawl_proxy_cooling_down", "gauge", "1 while the proxy cools down and takes no new session");
        for (ProxyCounts x : proxies) {
            String label = "{proxy=\"" + escape(x.proxy()) + "\"} ";
            s.append("trawl_proxy_requests_total").append(label).append(x.requests()).append('\n');
            s.append("trawl_proxy_blocked_total").append(label).append(x.blocked()).append('\n');
            s.append("trawl_proxy_errors_total").append(label).append(x.errors()).append('\n');
            s.append("trawl_proxy_latency_seconds").append(label).append(seconds(x.p50().toNanos())).append('\n');
            s.append("trawl_proxy_cooling_down").append(label).append(x.coolingUntil() == null ? 0 : 1).append('\n');
        }
    }

    private static void counter(StringBuilder s, String name, String help, long value) {
        header(s, name, "counter", help);
        s.append(name).append(' ').append(value).append('\n');
    }

    private static void gauge(StringBuilder s, String name, String help, double value) {
        header(s, name, "gauge", help);
        s.append(name).append(' ').append(value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.3f", value))
                .append('\n');
    }

    private static void header(StringBuilder s, String name, String type, String help) {
        s.append("# HELP ").append(name).append(' ').append(help).append('\n');
        s.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.6f", nanos / 1e9);
    }

    private static String escape(String label) {
        return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
