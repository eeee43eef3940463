package dev.trawl.demoshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The shop's HTTP/1.1 on a raw socket: what a client library would hide. */
@Timeout(30)
class HttpProtocolTest {
    private static final Pattern IMF_FIXDATE =
            Pattern.compile("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d\\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d\\d:\\d\\d:\\d\\d GMT");

    /** One response read off a socket: its head and body. */
    record Response(int status, String head, byte[] body) {
        String header(String name) {
            Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + ":\\s*(.*?)\\r?$").matcher(head);
            return m.find() ? m.group(1) : null;
        }
    }

    static Socket connect(DemoShop shop) throws IOException {
        Socket s = new Socket(shop.baseUri().getHost(), shop.baseUri().getPort());
        s.setSoTimeout(5_000);
        return s;
    }

    static void send(Socket s, String request) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Reads one response; {@code head} says the request was HEAD, so no body follows. */
    static Response read(InputStream in, boolean head) throws IOException {
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed inside a response head: " + h);
            }
            h.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = h.toString(StandardCharsets.ISO_8859_1);
        Response r = new Response(Integer.parseInt(text.substring(9, 12)), text, new byte[0]);
        String length = r.header("Content-Length");
        if (head || length == null) {
            return r;
        }
        return new Response(r.status(), text, in.readNBytes(Integer.parseInt(length)));
    }

    @Test
    void aMalformedRequestLineGets400AndTheConnectionCloses() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(5).start(); Socket s = connect(shop)) {
            send(s, "GET /p/1 HTTP/1.1 extra\r\nHost: x\r\n\r\n");
            InputStream in = s.getInputStream();
            Response r = read(in, false);
            assertEquals(400, r.status());
            assertEquals("close", r.header("Connection"));
            assertEquals(-1, in.read(), "the shop closed the connection");
        }
    }

    @Test
    void headerFoldingWhitespaceBeforeTheColonAndRequestBodiesInChunksGet400() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(5).start()) {
            for (String bad : new String[] {
                "GET /p/1 HTTP/1.1\r\nHost : x\r\n\r\n",
                "GET /p/1 HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n",
                "POST /_shop/reset HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
                "GET /p/1 HTTP/1.1\r\nHost: x\r\nContent-Length: -4\r\n\r\n",
                "get /p/1 HTTP/1.1\r\n\r\n",
                "GET /p/1 HTTP/2.0\r\n\r\n",
            }) {
                try (Socket s = connect(shop)) {
                    send(s, bad);
                    assertEquals(400, read(s.getInputStream(), false).status(), bad);
                }
            }
        }
    }

    @Test
    void headGivesGetsHeadersWithoutABodyAndKeepAliveServesTheNextRequest() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(5).start(); Socket s = connect(shop)) {
            // pipelined: HEAD then GET on one connection
            send(s, "HEAD /p/2 HTTP/1.1\r\nHost: x\r\n\r\nGET /p/2 HTTP/1.1\r\nHost: x\r\n\r\n");
            InputStream in = s.getInputStream();
            Response head = read(in, true);
            Response get = read(in, false);
            assertEquals(200, head.status());
            assertEquals(200, get.status());
            assertEquals(head.header("Content-Length"), get.header("Content-Length"));
            assertEquals(get.body().length, Integer.parseInt(get.header("Content-Length")));
            assertTrue(new String(get.body(), StandardCharsets.UTF_8).contains(shop.catalogue().product(2).sku()));
            assertEquals("text/html; charset=utf-8", get.header("Content-Type"));
            assertEquals(1, shop.counters().connections());
            assertEquals(2, shop.requestsFor("/p/2"));
        }
    }

    @Test
    void a304HasNeitherBodyNorLengthNorTypeAndTheConnectionServesTheNextRequest() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(5).start(); Socket s = connect(shop)) {
            InputStream in = s.getInputStream();
            send(s, "GET /p/2 HTTP/1.1\r\nHost: x\r\n\r\n");
            String etag = read(in, false).header("ETag");
            send(s, "GET /p/2 HTTP/1.1\r\nHost: x\r\nIf-None-Match: " + etag + "\r\n\r\n"
                    + "HEAD /p/2 HTTP/1.1\r\nHost: x\r\nIf-None-Match: " + etag + "\r\n\r\n"
                    + "GET /p/3 HTTP/1.1\r\nHost: x\r\nIf-None-Match: " + etag + "\r\n\r\n");
            for (int i = 0; i < 2; i++) {
                Response r = read(in, false);
                assertEquals(304, r.status());
                assertTrue(r.head().startsWith("HTTP/1.1 304 Not Modified\r\n"), r.head());
                assertEquals(etag, r.header("ETag"));
                assertNull(r.header("Content-Length"));
                assertNull(r.header("Content-Type"));
                assertNull(r.header("Last-Modified"));
            }
            Response other = read(in, false);
            assertEquals(200, other.status());
            assertEquals(shop.catalogue().product(3).pageBytes(), other.body().length);
            assertEquals(1, shop.counters().connections());
            assertEquals(2, shop.counters().notModified());
        }
    }

    @Test
    void headOfAStreamedDocumentSendsNoBody() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(5).start(); Socket s = connect(shop)) {
            send(s, "HEAD /_shop/urls.txt HTTP/1.1\r\nHost: x\r\n\r\n");
            InputStream in = s.getInputStream();
            assertEquals(200, read(in, true).status());
            assertEquals(-1, in.read(), "a close-delimited HEAD response ends with the connection, bodiless");
        }
    }

    @Test
    void connectionCloseIsHonouredAndHttp10ClosesByDefault() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(5).start()) {
            for (String request : new String[] {"GET /p/1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "GET /p/1 HTTP/1.0\r\n\r\n"}) {
                try (Socket s = connect(shop)) {
                    send(s, request);
                    InputStream in = s.getInputStream();
                    Response r = read(in, false);
                    assertEquals(200, r.status());
                    assertEquals("close", r.header("Connection"));
                    assertEquals(-1, in.read(), request);
                }
            }
        }
    }

    @Test
    void otherMethodsGet405WithAllowAndPostOnlyResets() throws Exception {
        try (DemoShop shop = DemoShop.builder().products(5).start(); Socket s = connect(shop)) {
            InputStream in = s.getInputStream();
            send(s, "DELETE /p/1 HTTP/1.1\r\nHost: x\r\n\r\n");
            Response r = read(in, false);
            assertEquals(405, r.status());
            assertEquals("GET, HEAD", r.header("Allow"));
            send(s, "POST /p/1 HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc");
            assertEquals(405, read(in, false).status());
            assertEquals(2, shop.counters().requests());
            send(s, "POST /_shop/reset HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
            assertEquals(200, read(in, false).status());
            assertEquals(0, shop.counters().requests());
        }
    }

    @Test
    void datesAreImfFixdateWithATwoDigitDay() throws Exception {
        long fifthOfNovember = ZonedDateTime.parse("2026-11-05T08:09:10Z").toEpochSecond();
        assertEquals("Thu, 05 Nov 2026 08:09:10 GMT", Exchange.httpDate(fifthOfNovember));
        try (DemoShop shop = DemoShop.builder().products(5).start(); Socket s = connect(shop)) {
            send(s, "GET /fault/429?date=1 HTTP/1.1\r\nHost: x\r\n\r\n");
            Response r = read(s.getInputStream(), false);
            assertEquals(429, r.status());
            assertTrue(IMF_FIXDATE.matcher(r.header("Date")).matches(), r.header("Date"));
            assertTrue(IMF_FIXDATE.matcher(r.header("Retry-After")).matches(), r.header("Retry-After"));
        }
    }
}
