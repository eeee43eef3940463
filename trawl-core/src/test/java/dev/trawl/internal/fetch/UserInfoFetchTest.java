package dev.trawl.internal.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trawl.Transports;
import dev.trawl.fetch.FetchResult;
import dev.trawl.fetch.FetchSettings;
import dev.trawl.fetch.Transport;
import dev.trawl.internal.discover.SeedUrls;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A URL's {@code user:password@} reaches the server as HTTP Basic credentials, percent-decoded
 * (curl does so; browsers answer the server's 401 with them), on both transports; the request
 * line holds no user info.
 */
@Timeout(30)
class UserInfoFetchTest {
    private static final FetchSettings SETTINGS = new FetchSettings(Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(10), 1 << 20, dev.trawl.CrawlBuilder.DEFAULT_USER_AGENT, 8, 4);

    /** The request line and the Authorization header (null when absent) of one request to {@code path}. */
    private record Seen(String requestLine, String authorization) {}

    private static Seen fetch(String transportName, String userInfo, String path) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
             Transport transport = (transportName.equals("jdk") ? Transports.jdk() : Transports.apache()).create(SETTINGS)) {
            CompletableFuture<Seen> seen = CompletableFuture.supplyAsync(() -> {
                try (Socket s = server.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                    List<String> head = new ArrayList<>();
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        head.add(line);
                    }
                    OutputStream out = s.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    String auth = head.stream().filter(h -> h.regionMatches(true, 0, "Authorization:", 0, 14))
                            .map(h -> h.substring(14).strip()).findFirst().orElse(null);
                    return new Seen(head.getFirst(), auth);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            String seed = "http://" + userInfo + "127.0.0.1:" + server.getLocalPort() + path;
            URI url = SeedUrls.parse(seed).url();
            FetchResult.Response r = assertInstanceOf(FetchResult.Response.class, transport.fetch(url), seed);
            assertEquals(200, r.status());
            return seen.get(10, TimeUnit.SECONDS);
        }
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void userAndPasswordAreSentAsBasicCredentials(String transport) throws Exception {
        Seen seen = fetch(transport, "shopper:s3cr%65t@", "/p/1?x=1");
        assertEquals("GET /p/1?x=1 HTTP/1.1", seen.requestLine());
        assertEquals(basic("shopper:s3cret"), seen.authorization());
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void nonAsciiAndEscapedCharactersAreSentDecodedAsUtf8(String transport) throws Exception {
        Seen seen = fetch(transport, "jürgen:p@ss:w%40rd@", "/");
        assertEquals(basic("jürgen:p@ss:w@rd"), seen.authorization());
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aUserWithoutPasswordIsSentWithAnEmptyOne(String transport) throws Exception {
        assertEquals(basic("shopper:"), fetch(transport, "shopper@", "/").authorization());
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void noUserInfoNoAuthorization(String transport) throws Exception {
        assertNull(fetch(transport, "", "/").authorization());
    }
}
