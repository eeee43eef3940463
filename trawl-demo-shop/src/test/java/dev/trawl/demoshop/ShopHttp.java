package dev.trawl.demoshop;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** GETs to a started shop over loopback HTTP/1.1, for the tests of pages and documents. */
final class ShopHttp {
    /** Shared by the test classes and never closed: its threads are daemons. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ShopHttp() {}

    /** A GET with {@code headers} given as name, value, name, value… */
    static HttpResponse<byte[]> get(URI uri, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(URI uri) throws Exception {
        return new String(get(uri).body(), StandardCharsets.UTF_8);
    }
}
