package dev.trawl.cli;

import com.sun.net.httpserver.HttpServer;
import dev.trawl.crawl.Crawl;
import dev.trawl.internal.stats.PrometheusText;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Serves a running crawl's metrics as Prometheus text at {@code /metrics} on loopback, for long runs. */
final class MetricsServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private MetricsServer(Crawl crawl, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.createContext("/metrics", exchange -> {
            byte[] body = PrometheusText.format(crawl.progress()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    /** Starts serving, or throws a {@link UserError} naming the port when it cannot be bound. */
    static MetricsServer start(Crawl crawl, int port) {
        try {
            return new MetricsServer(crawl, port);
        } catch (IOException e) {
            throw new UserError("--metrics-port " + port + ": cannot listen: " + e.getMessage(), 2);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
