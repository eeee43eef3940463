package dev.trawl.demoshop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Answers that attack the client rather than fail: header sections that never end or are far too
 * large, a response with no status line, a redirect with an empty Location, and sitemaps that
 * send the crawler to hosts it was never given. Each writes raw bytes and closes the connection.
 */
final class HostileResponses {
    private static final byte[] STATUS = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int HUGE_HEADER_BYTES = 10 << 20;

    private HostileResponses() {}

    /** Whether {@code name} is one of these; if so it has been answered. */
    static boolean serve(Exchange x, String name, String base) throws IOException, InterruptedException {
        switch (name) {
            case "endless-header" -> endlessHeader(x);
            case "endless-headers" -> endlessHeaders(x, 0);
            case "header-drip" -> endlessHeaders(x, 100);
            case "huge-header" -> hugeHeader(x);
            case "many-headers" -> manyHeaders(x, (int) Math.min(100_000, x.request.longParam("lines", 150)),
                    (int) Math.min(1 << 20, x.request.longParam("size", 16)));
            case "http09" -> raw(x, "<html><body><h1>An HTTP/0.9 answer: a body, no status line</h1></body></html>\n");
            case "empty-location" -> raw(x, "HTTP/1.1 302 Found\r\nLocation: \r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            case "offsite-sitemap" -> offsiteSitemap(x, base);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** {@code X-A: aaaa…} with no end, until the client hangs up. */
    private static void endlessHeader(Exchange x) throws IOException {
        x.closeAfter = true;
        x.status = 200;
        x.out.write(STATUS);
        x.out.write("X-A: ".getBytes(StandardCharsets.US_ASCII));
        byte[] a = new byte[16 * 1024];
        Arrays.fill(a, (byte) 'a');
        while (!x.socket.isClosed()) {
            x.out.write(a);
            x.out.flush();
        }
    }

    /** Header line after header line, {@code pauseMillis} apart, until the client hangs up. */
    private static void endlessHeaders(Exchange x, long pauseMillis) throws IOException, InterruptedException {
        x.closeAfter = true;
        x.status = 200;
        x.out.write(STATUS);
        for (long n = 0; !x.socket.isClosed(); n++) {
            x.out.write(("X-Header-" + n + ": value " + n + "\r\n").getBytes(StandardCharsets.US_ASCII));
            if (pauseMillis > 0) {
                x.out.flush();
                Thread.sleep(pauseMillis);
            }
        }
    }

    /** One 10 MB header line, then a complete (empty) response. */
    private static void hugeHeader(Exchange x) throws IOException {
        x.closeAfter = true;
        x.status = 200;
        x.out.write(STATUS);
        x.out.write("X-Big: ".getBytes(StandardCharsets.US_ASCII));
        byte[] a = new byte[64 * 1024];
        Arrays.fill(a, (byte) 'b');
        for (int sent = 0; sent < HUGE_HEADER_BYTES; sent += a.length) {
            x.out.write(a);
        }
        x.out.write("\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        x.out.flush();
    }

    /** A complete empty response with {@code lines} extra header lines of a {@code size}-byte value each. */
    private static void manyHeaders(Exchange x, int lines, int size) throws IOException {
        StringBuilder h = new StringBuilder();
        String value = "v".repeat(size);
        for (int i = 0; i < lines; i++) {
            h.append("X-Header-").append(i).append(": ").append(value).append("\r\n");
        }
        x.closeAfter = true;
        x.send(200, "text/html; charset=utf-8", h.toString(), new byte[0], 0);
    }

    private static void raw(Exchange x, String response) throws IOException {
        x.closeAfter = true;
        x.status = 200;
        x.out.write(response.getBytes(StandardCharsets.US_ASCII));
        x.out.flush();
    }

    /**
     * A sitemap whose first entry is on the shop and the rest elsewhere: the link-local metadata
     * address, the shop's loopback address as one decimal number and as 0.0.0.0, the shop under the
     * name localhost. {@code ?index=1}: a sitemap index whose children are this sitemap on the shop
     * and on localhost.
     */
    private static void offsiteSitemap(Exchange x, String base) throws IOException {
        int port = java.net.URI.create(base).getPort();
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        if ("1".equals(x.request.param("index"))) {
            s.append("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            for (String child : new String[] {base + "/fault/offsite-sitemap", "http://localhost:" + port + "/fault/offsite-sitemap"}) {
                s.append("<sitemap><loc>").append(child).append("</loc></sitemap>\n");
            }
            s.append("</sitemapindex>\n");
        } else {
            s.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            for (String page : new String[] {base + "/p/1", "http://169.254.169.254/latest/meta-data/", "http://2130706433:" + port + "/p/2",
                    "http://0.0.0.0:" + port + "/p/3", "http://localhost:" + port + "/p/4"}) {
                s.append("<url><loc>").append(page).append("</loc></url>\n");
            }
            s.append("</urlset>\n");
        }
        byte[] body = s.toString().getBytes(StandardCharsets.UTF_8);
        x.send(200, "application/xml", "", body, body.length);
    }
}
