package dev.trawl.demoshop;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/** Every path the shop serves (layout in {@link DemoShop}'s Javadoc). */
final class ShopRoutes {
    private static final String HTML = "text/html; charset=utf-8";

    private final DemoShop shop;
    private final ShopStats stats;

    ShopRoutes(DemoShop shop, ShopStats stats) {
        this.shop = shop;
        this.stats = stats;
    }

    void handle(Exchange x) throws IOException, InterruptedException {
        Request r = x.request;
        if (r.path().startsWith("/_shop/")) {
            if (!allowed(r)) {
                methodNotAllowed(x);
            } else {
                control(x);
            }
            return;
        }
        long productId = productId(r.path());
        long apiId = productId >= 0 ? -1 : apiId(r.path());
        long count = productId >= 0
                ? stats.started("/p/" + productId, productId, shop.isJs(productId) ? ShopStats.Kind.JS_PAGE : ShopStats.Kind.PAGE)
                : apiId >= 0 ? stats.started(ProductApi.path(apiId), apiId, ShopStats.Kind.API) : stats.started(r.target(), -1);
        x.onComplete = () -> stats.finished(x.status);
        try {
            shop.sleepLatency();
            if (productId >= 0 && shop.throttleAbove() > 0 && stats.inFlight() > shop.throttleAbove()) {
                // over the shop's capacity: 429 with no Retry-After, so the client must find the rate itself
                x.send(429, "text/plain; charset=utf-8", "too many requests at once\n");
                return;
            }
            if (productId >= 0 && shop.rateGuard() != null && shop.rateGuard().turnedAway(x)) {
                return;
            }
            if (productId >= 0 && shop.guardCookie() && CookieGuard.turnedAway(x)) {
                return;
            }
            route(x, productId, count);
        } finally {
            x.complete(); // a streamed or broken response is complete when it ends
        }
    }

    private void route(Exchange x, long productId, long count) throws IOException, InterruptedException {
        String path = x.request.path();
        PageBuffer b = x.buffer;
        b.reset();
        if (!allowed(x.request)) {
            methodNotAllowed(x);
        } else if (productId >= 0) {
            product(x, productId, count);
        } else if (path.startsWith(ProductApi.PREFIX)) {
            api(x, apiId(path));
        } else if (path.startsWith("/fault/")) {
            fixedFault(x, path.substring(7), count);
        } else if (path.equals("/")) {
            Pages.home(b);
            x.send(200, HTML, "", b.bytes, b.length);
        } else if (path.startsWith(Drafts.PREFIX + "/p/")) {
            draft(x, productId(path.substring(Drafts.PREFIX.length())));
        } else if (path.equals("/robots.txt")) {
            x.send(200, "text/plain; charset=utf-8", RobotsTxt.text(shop.baseUri().toString(), shop.crawlDelay()));
        } else if (path.equals("/sitemap.xml")) {
            Sitemaps.index(b, shop.baseUri().toString(), shop.catalogue().size(), shop.sitemapChildSize());
            x.send(200, "application/xml", "", b.bytes, b.length);
        } else if (path.startsWith("/sitemaps/products-")) {
            sitemapChild(x, path);
        } else if (path.startsWith("/c/")) {
            listing(x, path.substring(3));
        } else if (path.startsWith(AsWrittenLinks.PREFIX)) {
            x.send(200, HTML, AsWrittenLinks.page(path));
        } else {
            notFound(x);
        }
    }

    private void product(Exchange x, long id, long count) throws IOException, InterruptedException {
        PageBuffer b = x.buffer;
        shop.renderProduct(b, id, base());
        Optional<Fault> fault = shop.faultFor("/p/" + id);
        if (fault.isPresent() && (fault.get().persistent() || count <= shop.faultAttempts())) {
            String loop = x.request.query().contains("loop") ? "/p/" + id : "/p/" + id + "?loop=1";
            Faults.serve(x, fault.get(), b, loop, shop.retryAfterSeconds(), id % 2 == 1);
            return;
        }
        sendPage(x, b, true);
    }

    /** A draft's product page, served (without faults) to whoever ignores robots.txt. */
    private void draft(Exchange x, long id) throws IOException {
        if (id < 0 || !shop.drafts().isDraft(id)) {
            notFound(x);
            return;
        }
        shop.renderProduct(x.buffer, id, base());
        sendPage(x, x.buffer, true);
    }

    /** The data a {@link Markup#JS} page's script fetches; served for every product, with validators. */
    private void api(Exchange x, long id) throws IOException {
        if (id < 0) {
            notFound(x);
            return;
        }
        x.buffer.add(ProductApi.json(shop.catalogue().product(id), base(), shop.catalogue().seller(), shop.priceFormat()));
        sendPage(x, x.buffer, true, "application/json");
    }

    /** A product page, gzip- or deflate-encoded when the shop compresses and the client accepts it, with validators when asked. */
    private void sendPage(Exchange x, PageBuffer b, boolean validated) throws IOException {
        sendPage(x, b, validated, HTML);
    }

    private void sendPage(Exchange x, PageBuffer b, boolean validated, String type) throws IOException {
        String accept = x.request.acceptEncoding();
        String encoding = !shop.compression() ? null : accept.contains("gzip") ? "gzip" : accept.contains("deflate") ? "deflate" : null;
        String headers = encoding == null ? "" : "Content-Encoding: " + encoding + "\r\nVary: Accept-Encoding\r\n";
        if (validated) {
            String validators = validate(x, b, encoding);
            if (validators == null) {
                return;
            }
            headers += validators;
        }
        if (encoding == null) {
            x.send(200, type, headers, b.bytes, b.length);
            return;
        }
        PageBuffer packed = new PageBuffer();
        try (OutputStream z = encoding.equals("gzip") ? new GZIPOutputStream(packed) : new DeflaterOutputStream(packed)) {
            z.write(b.bytes, 0, b.length);
        }
        x.send(200, type, headers, packed.bytes, packed.length);
    }

    /**
     * Answers 304 and returns null when the request's validators match those of the page in
     * {@code b}; otherwise returns the page's validator header lines ("" when the shop sends none).
     */
    private String validate(Exchange x, PageBuffer b, String encoding) throws IOException {
        if (!shop.conditional()) {
            return "";
        }
        PageValidators v = PageValidators.of(b.bytes, b.length, encoding);
        if (!v.matches(x.request)) {
            return v.headers();
        }
        stats.notModified();
        x.head(304, null, "ETag: " + v.etag() + "\r\n" + (encoding == null ? "" : "Vary: Accept-Encoding\r\n"));
        x.out.flush();
        return null;
    }

    private void fixedFault(Exchange x, String name, long count) throws IOException, InterruptedException {
        Request r = x.request;
        long times = r.longParam("times", Long.MAX_VALUE);
        long id = Math.max(0, Math.min(shop.catalogue().size() - 1, r.longParam("id", 1)));
        PageBuffer b = x.buffer;
        shop.renderProduct(b, id, base());
        if (count > times) {
            sendPage(x, b, false);
            return;
        }
        switch (name) {
            case "500" -> Faults.serve(x, Fault.SERVER_ERROR_500, b, null, 0, false);
            case "503" -> Faults.serve(x, Fault.UNAVAILABLE_503, b, null, 0, false);
            case "429" -> Faults.serve(x, Fault.TOO_MANY_REQUESTS_429, b, null,
                    (int) r.longParam("retry-after", shop.retryAfterSeconds()), r.param("date") != null);
            case "reset" -> Faults.serve(x, Fault.RESET_MID_BODY, b, null, 0, false);
            case "hang" -> Faults.serve(x, Fault.HANG, b, null, 0, false);
            case "drip" -> Faults.serve(x, Fault.SLOW_DRIP, b, null, 0, false);
            case "oversized" -> Faults.serve(x, Fault.OVERSIZED, b, null, 0, false);
            case "redirect-loop" -> Faults.serve(x, Fault.REDIRECT_LOOP, b,
                    r.query().contains("hop=b") ? "/fault/redirect-loop" : "/fault/redirect-loop?hop=b", 0, false);
            case "redirect" -> x.send(302, HTML, "Location: " + (r.param("to") == null ? "/p/1" : r.param("to")) + "\r\n", new byte[0], 0);
            case "gzip-bomb" -> {
                byte[] bomb = Faults.gzipBomb();
                x.send(200, HTML, "Content-Encoding: gzip\r\n", bomb, bomb.length);
            }
            case "bad-chunk" -> {
                // A chunked body whose chunk size is not a number.
                x.closeAfter = true;
                x.out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + HTML + "\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nnot a chunk\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                x.out.flush();
            }
            case "bad-gzip" -> {
                // Announced as gzip, and not gzip.
                byte[] plain = "this is not a gzip stream, whatever the header says".getBytes(StandardCharsets.US_ASCII);
                x.send(200, HTML, "Content-Encoding: gzip\r\n", plain, plain.length);
            }
            case "wrong-charset" -> {
                byte[] latin1 = new String(b.bytes, 0, b.length, StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1);
                x.send(200, HTML, "", latin1, latin1.length);
            }
            case "challenge" -> {
                if (!ChallengePages.serve(x, r.param("kind"), r.longParam("status", 0))) {
                    notFound(x);
                }
            }
            default -> {
                if (!HostileResponses.serve(x, name, base())) {
                    notFound(x);
                }
            }
        }
    }

    private void sitemapChild(Exchange x, String path) throws IOException {
        String rest = path.substring("/sitemaps/products-".length());
        boolean gz = rest.endsWith(".xml.gz");
        String number = rest.replace(".xml.gz", "").replace(".xml", "");
        int k;
        try {
            k = Integer.parseInt(number);
        } catch (NumberFormatException e) {
            notFound(x);
            return;
        }
        if (k < 1 || k > Sitemaps.children(shop.catalogue().size(), shop.sitemapChildSize()) || !(rest.endsWith(".xml") || gz)) {
            notFound(x);
            return;
        }
        x.closeAfter = true; // streamed, close-delimited
        x.head(200, gz ? "application/gzip" : "application/xml", "");
        if (x.request.method().equals("HEAD")) {
            x.out.flush();
            return;
        }
        if (gz) {
            GZIPOutputStream z = new GZIPOutputStream(x.out, 64 * 1024);
            Sitemaps.child(z, base(), shop.catalogue(), shop.drafts(), k, shop.sitemapChildSize());
            z.finish();
        } else {
            Sitemaps.child(x.out, base(), shop.catalogue(), shop.drafts(), k, shop.sitemapChildSize());
        }
        x.out.flush();
    }

    private void listing(Exchange x, String category) throws IOException {
        int index = java.util.Arrays.asList(Catalogue.CATEGORIES).indexOf(category.toLowerCase(Locale.ROOT));
        long page = x.request.longParam("page", 1);
        long inCategory = index < 0 ? 0 : (shop.catalogue().size() - index + Catalogue.CATEGORIES.length - 1) / Catalogue.CATEGORIES.length;
        if (index < 0 || page < 1 || (page - 1) * ListingPage.PER_PAGE >= Math.max(inCategory, 1)) {
            notFound(x);
            return;
        }
        shop.listingPage().render(x.buffer, shop.catalogue(), index, page, base());
        String validators = validate(x, x.buffer, null);
        if (validators != null) {
            x.send(200, HTML, validators, x.buffer.bytes, x.buffer.length);
        }
    }

    private void control(Exchange x) throws IOException {
        Request r = x.request;
        switch (r.path()) {
            case "/_shop/guard" -> x.send(200, "application/json", (shop.rateGuard() == null ? "{}" : shop.rateGuard().toJson()) + "\n");
            case "/_shop/counters" -> {
                String json = stats.snapshot().toJson();
                String path = r.param("path");
                if (path != null) {
                    json = json.substring(0, json.length() - 1) + ",\"path\":\"" + JsonObject.escape(path) + "\",\"pathRequests\":"
                            + shop.requestsFor(path) + ",\"pathStartsEpochMicros\":" + shop.requestStarts(path) + "}";
                } else if (r.param("paths") != null) {
                    StringBuilder s = new StringBuilder(json.substring(0, json.length() - 1)).append(",\"paths\":{");
                    String sep = "";
                    for (var e : stats.allPaths().entrySet()) {
                        s.append(sep).append('"').append(JsonObject.escape(e.getKey())).append("\":").append(e.getValue());
                        sep = ",";
                    }
                    json = s.append("}}").toString();
                }
                x.send(200, "application/json", json);
            }
            case "/_shop/reset" -> {
                stats.reset();
                x.send(200, "application/json", "{\"reset\":true}");
            }
            case "/_shop/urls.txt" -> stream(x, "text/plain; charset=utf-8", false);
            case "/_shop/catalogue.jsonl" -> stream(x, "application/x-ndjson", true);
            default -> notFound(x);
        }
    }

    /** Every product as a URL line or a JSON line (drafts are not listed), streamed close-delimited. */
    private void stream(Exchange x, String type, boolean json) throws IOException {
        x.closeAfter = true;
        x.head(200, type, "");
        if (x.request.method().equals("HEAD")) {
            x.out.flush();
            return;
        }
        StringBuilder s = new StringBuilder(16 * 1024);
        String base = base();
        for (long id = 0; id < shop.catalogue().size(); id++) {
            if (json) {
                s.append(shop.expectedLine(id)).append('\n');
            } else {
                s.append(base).append("/p/").append(id).append('\n');
            }
            if (s.length() > 15 * 1024) {
                x.out.write(s.toString().getBytes(StandardCharsets.UTF_8));
                s.setLength(0);
            }
        }
        x.out.write(s.toString().getBytes(StandardCharsets.UTF_8));
        x.out.flush();
    }

    /** GET and HEAD everywhere; POST only to reset the counters. */
    private static boolean allowed(Request r) {
        return switch (r.method()) {
            case "GET", "HEAD" -> true;
            case "POST" -> r.path().equals("/_shop/reset");
            default -> false;
        };
    }

    private void methodNotAllowed(Exchange x) throws IOException {
        byte[] body = "<html><body><h1>Method not allowed</h1></body></html>".getBytes(StandardCharsets.UTF_8);
        x.send(405, HTML, "Allow: GET, HEAD\r\n", body, body.length);
    }

    private void notFound(Exchange x) throws IOException {
        x.send(404, HTML, "<html><body><h1>Not found</h1></body></html>");
    }

    /** The product id of a {@code /p/{id}} path within the catalogue, else -1. */
    long productId(String path) {
        if (!path.startsWith("/p/")) {
            return -1;
        }
        return id(path, 3, path.length());
    }

    /** The product id of an {@code /api/products/{id}.json} path within the catalogue, else -1. */
    long apiId(String path) {
        if (!path.startsWith(ProductApi.PREFIX) || !path.endsWith(ProductApi.SUFFIX)) {
            return -1;
        }
        return id(path, ProductApi.PREFIX.length(), path.length() - ProductApi.SUFFIX.length());
    }

    /** The decimal id in {@code path[from, to)} when it is a product of the catalogue, else -1. */
    private long id(String path, int from, int to) {
        if (to <= from || to - from > 19) {
            return -1;
        }
        long id = 0;
        for (int i = from; i < to; i++) {
            char c = path.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            id = id * 10 + (c - '0');
        }
        return id >= 0 && id < shop.catalogue().size() ? id : -1; // 19 digits can overflow
    }

    private String base() {
        String b = shop.baseUri().toString();
        return b.substring(0, b.length() - 1);
    }
}
