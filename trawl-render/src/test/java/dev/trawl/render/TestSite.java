package dev.trawl.render;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A small shop on 127.0.0.1 for the renderer's tests, with the counters they assert on:
 * <ul>
 *   <li>{@code /late/N?delay=ms&pad=bytes}: an app shell whose script ({@code /app.js}) inserts a Product
 *       JSON-LD block and a {@code .price} after the delay; {@code /never/N}: the script inserts only a
 *       {@code #rendered} marker; {@code /selector/N}: only a {@code .price}, no JSON-LD;</li>
 *   <li>{@code /assets/N}: a page with images, stylesheets (by extension and without one) and a font, which are counted;</li>
 *   <li>{@code /missing}: a 404; {@code /private}: a 401 asking for Basic credentials; every page sets a
 *       cookie named after this site's port and records whether a request brought a cookie of another site;</li>
 *   <li>on any page, {@code ?cookie=NAME} sets the cookie NAME=1 (HttpOnly, an hour) in the response, and
 *       {@code ?js=NAME} has its script set NAME=js through {@code document.cookie}.</li>
 * </ul>
 * Every request is recorded in {@link #seen}: its path, Cookie and Authorization headers and the address it came from.
 */
final class TestSite implements AutoCloseable {

    private final HttpServer server;
    /** Page requests being answered now, and the most at once (shared between sites when given). */
    final AtomicInteger inFlight;
    final AtomicInteger maxInFlight;
    volatile String lastUserAgent;
    final LongAdder pages = new LongAdder();
    final LongAdder assets = new LongAdder();
    final LongAdder scripts = new LongAdder();
    /** Cookie names seen on requests that this site never set. */
    final Map<String, Boolean> foreignCookies = new ConcurrentHashMap<>();
    private final String cookie;
    /** A request as the site saw it; {@code page} is the page a script request was for (its {@code from}). */
    record Seen(String path, String page, String cookie, String authorization, String remote) {
        boolean carries(String pair) {
            if (cookie == null) {
                return false;
            }
            for (String c : cookie.split(";")) {
                if (c.strip().equals(pair)) {
                    return true;
                }
            }
            return false;
        }
    }

    final java.util.Queue<Seen> seen = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** The requests for {@code page}: the page itself and its script. */
    java.util.List<Seen> requestsOf(String page) {
        return seen.stream().filter(r -> page.equals(r.page())).toList();
    }

    /** Held open per page request, so that overlapping navigations overlap on the server too. */
    volatile long pageHoldMillis = 20;

    TestSite() throws IOException {
        this(new AtomicInteger(), new AtomicInteger());
    }

    TestSite(AtomicInteger inFlight, AtomicInteger maxInFlight) throws IOException {
        this.inFlight = inFlight;
        this.maxInFlight = maxInFlight;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        cookie = "site" + server.getAddress().getPort();
        server.createContext("/", this::handle);
        server.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            String cookies = exchange.getRequestHeaders().getFirst("Cookie");
            String from = path.equals("/app.js") ? param(query, "from") : path;
            seen.add(new Seen(path, from, cookies, exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRemoteAddress().getAddress().getHostAddress()));
            if (cookies != null) {
                for (String c : cookies.split(";")) {
                    String name = c.trim().split("=", 2)[0];
                    if (!name.equals(cookie)) {
                        foreignCookies.put(name, true);
                    }
                }
            }
            if (path.equals("/app.js")) {
                scripts.increment();
                send(exchange, 200, "application/javascript", APP_JS);
            } else if (path.startsWith("/asset/")) {
                assets.increment();
                byte[] asset = assetBodies.get(path);
                if (asset != null) {
                    send(exchange, 200, assetType(path), asset);
                } else {
                    send(exchange, 200, assetType(path), "");
                }
            } else if (path.equals("/missing")) {
                send(exchange, 404, "text/html", "");
            } else if (path.equals("/private")) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"shop\"");
                send(exchange, 401, "text/html", "<!DOCTYPE html><html><body>private</body></html>");
            } else {
                page(exchange, path, query);
            }
        }
    }

    private void page(HttpExchange exchange, String path, String query) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        pages.increment();
        lastUserAgent = exchange.getRequestHeaders().getFirst("User-Agent");
        try {
            Thread.sleep(pageHoldMillis);
            String mode = path.split("/")[1];
            int delay = param(query, "delay", 200);
            int pad = param(query, "pad", 0);
            StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><title>shop</title>");
            if (mode.equals("assets")) {
                html.append("<link rel=\"stylesheet\" href=\"/asset/site.css\">")
                        .append("<style>@font-face{font-family:F;src:url(/asset/f.woff2)} body{font-family:F}</style>");
            }
            html.append("</head><body><div id=\"app\" data-mode=\"").append(mode).append("\" data-delay=\"").append(delay)
                    .append("\" data-js=\"").append(param(query, "js") == null ? "" : param(query, "js"))
                    .append("\">loading</div>");
            if (mode.equals("assets")) {
                html.append("<img src=\"/asset/a.png\"><img src=\"/asset/b.jpg?v=2\">")
                        .append("<img src=\"/asset/photo?id=3\"><link rel=\"stylesheet\" href=\"/asset/theme?v=1\">");
            }
            html.append("<!-- ").append("x".repeat(pad)).append(" -->");
            html.append("<script src=\"/app.js?from=").append(path).append("\"></script></body></html>");
            exchange.getResponseHeaders().add("Set-Cookie", cookie + "=1; Path=/");
            String set = param(query, "cookie");
            if (set != null) {
                exchange.getResponseHeaders().add("Set-Cookie", set + "=1; Path=/; Max-Age=3600; HttpOnly");
            }
            send(exchange, 200, "text/html; charset=utf-8", html.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private static final String APP_JS = """
            (function () {
              var app = document.getElementById('app');
              var mode = app.dataset.mode, delay = +app.dataset.delay;
              if (app.dataset.js) document.cookie = app.dataset.js + '=js; path=/';
              setTimeout(function () {
                var marker = document.createElement('p'); marker.id = 'rendered'; marker.textContent = 'rendered';
                document.body.appendChild(marker);
                if (mode === 'never') return;
                var price = document.createElement('span'); price.className = 'price'; price.textContent = '19.99';
                app.textContent = ''; app.appendChild(price);
                if (mode === 'selector') return;
                var ld = document.createElement('script'); ld.type = 'application/ld+json';
                ld.textContent = JSON.stringify({'@context': 'https://schema.org', '@type': 'Product', name: 'Kettle',
                  offers: {'@type': 'Offer', price: '19.99', priceCurrency: 'EUR'}});
                document.head.appendChild(ld);
              }, delay);
            })();
            """;

    /** Bodies for {@code /asset/...} paths (the benchmark's real images and stylesheet); empty when absent. */
    final Map<String, byte[]> assetBodies = new ConcurrentHashMap<>();

    private static String assetType(String path) {
        return path.endsWith(".css") ? "text/css" : path.endsWith(".png") ? "image/png"
                : path.endsWith(".jpg") ? "image/jpeg" : "application/octet-stream";
    }

    private static int param(String query, String name, int otherwise) {
        String value = param(query, name);
        return value == null ? otherwise : Integer.parseInt(value);
    }

    private static String param(String query, String name) {
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv[0].equals(name) && kv.length == 2) {
                    return kv[1];
                }
            }
        }
        return null;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        send(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
