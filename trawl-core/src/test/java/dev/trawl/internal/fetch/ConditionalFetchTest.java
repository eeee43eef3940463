package dev.trawl.internal.fetch;

import dev.trawl.fetch.FetchResult;
import dev.trawl.fetch.FetchSettings;
import dev.trawl.fetch.Transport;
import dev.trawl.Transports;
import dev.trawl.fetch.Validators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trawl.demoshop.DemoShop;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both transports' conditional GETs against the demo shop over loopback. */
@Timeout(30)
class ConditionalFetchTest {
    private static final FetchSettings SETTINGS = new FetchSettings(Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(10), 1 << 20, dev.trawl.CrawlBuilder.DEFAULT_USER_AGENT, 8, 4);

    private static FetchResult.Response response(FetchResult result) {
        return assertInstanceOf(FetchResult.Response.class, result, result::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void theValidatorsOfAResponseSentBackGet304WithAnEmptyBody(String name) throws Exception {
        try (DemoShop shop = DemoShop.builder().products(20).start(); Transport transport = (name.equals("jdk") ? Transports.jdk() : Transports.apache()).create(SETTINGS)) {
            URI uri = shop.baseUri().resolve("/p/5");
            FetchResult.Response page = response(transport.fetch(uri));
            assertEquals(200, page.status());
            assertEquals(shop.catalogue().product(5).pageBytes(), page.body().length);
            assertNotNull(page.etag());
            assertNotNull(page.lastModified());

            FetchResult.Response again = response(transport.fetch(uri, SETTINGS.maxBodyBytes(),
                    new Validators(page.etag(), page.lastModified())));
            assertEquals(304, again.status());
            assertArrayEquals(new byte[0], again.body());
            assertEquals(page.etag(), again.etag());
            assertEquals(1, shop.counters().notModified());

            Function<Validators, Integer> status = v -> response(transport.fetch(uri, SETTINGS.maxBodyBytes(), v)).status();
            assertEquals(304, status.apply(new Validators(page.etag(), null)));
            assertEquals(304, status.apply(new Validators(null, page.lastModified())));
            assertEquals(3, shop.counters().notModified());
            assertEquals(4, shop.counters().requests());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aStaleEtagGetsTheWholePageWithItsCurrentValidators(String name) throws Exception {
        String path = changedOnDay2();
        int port;
        String yesterday;
        try (DemoShop day1 = DemoShop.builder().products(20).start(); Transport transport = (name.equals("jdk") ? Transports.jdk() : Transports.apache()).create(SETTINGS)) {
            port = day1.baseUri().getPort();
            yesterday = response(transport.fetch(day1.baseUri().resolve(path))).etag();
        }
        try (DemoShop day2 = DemoShop.builder().products(20).day(2).port(port).start();
             Transport transport = (name.equals("jdk") ? Transports.jdk() : Transports.apache()).create(SETTINGS)) {
            URI uri = day2.baseUri().resolve(path);
            FetchResult.Response current = response(transport.fetch(uri));
            FetchResult.Response r = response(transport.fetch(uri, SETTINGS.maxBodyBytes(), new Validators(yesterday, current.lastModified())));
            assertEquals(200, r.status(), "If-None-Match decides, even beside a current If-Modified-Since");
            assertNotEquals(yesterday, r.etag());
            assertEquals(current.etag(), r.etag());
            assertArrayEquals(current.body(), r.body());
            assertEquals(0, day2.counters().notModified());
        }
    }

    /** The path of a product whose price on day 2 differs from day 1's. */
    private static String changedOnDay2() {
        try (DemoShop day1 = DemoShop.builder().products(20).start(); DemoShop day2 = DemoShop.builder().products(20).day(2).start()) {
            for (long id = 0; ; id++) {
                if (day1.catalogue().product(id).price().compareTo(day2.catalogue().product(id).price()) != 0) {
                    return "/p/" + id;
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void withoutValidatorsNeitherConditionalHeaderIsSentAndAbsentHeadersAreNull(String name) throws Exception {
        try (DemoShop shop = DemoShop.builder().products(5).conditional(false).start(); Transport transport = (name.equals("jdk") ? Transports.jdk() : Transports.apache()).create(SETTINGS)) {
            FetchResult.Response r = response(transport.fetch(shop.baseUri().resolve("/p/1"), SETTINGS.maxBodyBytes(), Validators.NONE));
            assertEquals(200, r.status());
            assertNull(r.etag());
            assertNull(r.lastModified());
            FetchResult latin1 = transport.fetch(shop.baseUri().resolve("/p/1"), SETTINGS.maxBodyBytes(), new Validators("\"caf\u00e9\"", null));
            assertEquals(200, response(latin1).status(), "any value Validators takes can be sent");
        }
    }

    /**
     * A 304 may announce the length and encoding of the page it stands for (RFC 9110 §8.6,
     * §15.4.5); it still has no body, and neither transport tries to read or decode one.
     */
    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void a304WithContentLengthAndContentEncodingStillHasAnEmptyBody(String name) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
             Transport transport = (name.equals("jdk") ? Transports.jdk() : Transports.apache()).create(SETTINGS)) {
            Thread answer = Thread.ofVirtual().start(() -> {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    for (int matched = 0; matched < 4; ) {
                        int b = in.read();
                        matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
                    }
                    OutputStream out = s.getOutputStream();
                    out.write(("HTTP/1.1 304 Not Modified\r\nETag: \"abc\"\r\nContent-Encoding: gzip\r\nContent-Length: 5000000\r\n"
                            + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            URI uri = URI.create("http://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort() + "/p/1");
            FetchResult.Response r = response(transport.fetch(uri, SETTINGS.maxBodyBytes(), new Validators("\"abc\"", null)));
            assertEquals(304, r.status());
            assertArrayEquals(new byte[0], r.body());
            assertEquals("\"abc\"", r.etag());
            answer.join();
        }
    }

    @Test
    void blankValidatorsAreAbsentAndOnesNoHeaderCanCarryAreRefused() {
        assertEquals(Validators.NONE, new Validators(" ", ""));
        assertNull(new Validators("", "Tue, 03 Feb 2026 10:00:00 GMT").etag());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Validators("\"a\"\r\nX-Evil: 1", null));
        assertEquals("etag cannot be sent in a header: it has U+000D at index 3", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Validators(null, "Tue\u2028"));
    }
}
