package dev.trawl.demoshop;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** One request and the means to answer it on its connection. */
final class Exchange {
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.US);
    private static volatile long dateSecond;
    private static volatile String dateHeader = "";

    final Request request;
    final Socket socket;
    final OutputStream out;
    final PageBuffer buffer;
    int status;
    boolean closeAfter;
    /** Run once when the response is complete, before its last bytes leave (see {@link #complete()}); null for none. */
    Runnable onComplete;

    Exchange(Request request, Socket socket, OutputStream out, PageBuffer buffer) {
        this.request = request;
        this.socket = socket;
        this.out = out;
        this.buffer = buffer;
        this.closeAfter = !request.keepAlive();
    }

    /** Sends a whole response with a Content-Length. Extra headers are complete lines, each ending in CRLF. */
    void send(int status, String contentType, String extraHeaders, byte[] body, int length) throws IOException {
        head(status, contentType, extraHeaders + "Content-Length: " + length + "\r\n");
        if (!request.method().equals("HEAD")) {
            out.write(body, 0, length);
        }
        complete();
        out.flush();
    }

    /**
     * Marks the response complete, once. A whole response is complete before its last flush: the
     * client may send its next request, on another connection, the moment the bytes arrive, and a
     * count of requests in flight must not still hold this one then.
     */
    void complete() {
        Runnable r = onComplete;
        onComplete = null;
        if (r != null) {
            r.run();
        }
    }

    void send(int status, String contentType, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        send(status, contentType, "", body, body.length);
    }

    /** Writes the status line and headers; the caller writes the body. */
    void head(int status, String contentType, String extraHeaders) throws IOException {
        this.status = status;
        StringBuilder h = new StringBuilder(160).append("HTTP/1.1 ").append(status).append(' ').append(reason(status))
                .append("\r\nServer: trawl-demo-shop\r\nDate: ").append(date()).append("\r\n");
        if (contentType != null) {
            h.append("Content-Type: ").append(contentType).append("\r\n");
        }
        h.append(extraHeaders);
        if (closeAfter) {
            h.append("Connection: close\r\n");
        }
        out.write(h.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    static String date() {
        long second = System.currentTimeMillis() / 1000;
        if (second != dateSecond) {
            dateHeader = httpDate(second);
            dateSecond = second;
        }
        return dateHeader;
    }

    /** IMF-fixdate (RFC 9110 §5.6.7): always a two-digit day, unlike {@code RFC_1123_DATE_TIME}. */
    static String httpDate(long epochSecond) {
        return IMF_FIXDATE.format(ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 302 -> "Found";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }
}
