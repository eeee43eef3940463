package dev.trawl.demoshop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.util.zip.GZIPOutputStream;

/** How each {@link Fault} misbehaves on the wire. */
final class Faults {
    private static final int OVERSIZED_BYTES = 64 << 20;
    private static volatile byte[] gzipBomb;

    private Faults() {}

    /**
     * Answers with {@code fault} in place of the page in {@code b}. {@code redirectBack} is where a
     * redirect loop's second hop points.
     */
    static void serve(Exchange x, Fault fault, PageBuffer page, String loopPath, int retryAfterSeconds, boolean httpDate)
            throws IOException, InterruptedException {
        switch (fault) {
            case SERVER_ERROR_500 -> x.send(500, "text/html; charset=utf-8", "<html><body><h1>Internal error</h1></body></html>");
            case UNAVAILABLE_503 -> x.send(503, "text/html; charset=utf-8", "<html><body><h1>Down for maintenance</h1></body></html>");
            case TOO_MANY_REQUESTS_429 -> {
                String value = httpDate ? Exchange.httpDate(System.currentTimeMillis() / 1000 + retryAfterSeconds)
                        : Integer.toString(retryAfterSeconds);
                byte[] body = "<html><body><h1>Slow down</h1></body></html>".getBytes();
                x.send(429, "text/html; charset=utf-8", "Retry-After: " + value + "\r\n", body, body.length);
            }
            case RESET_MID_BODY -> {
                x.head(200, "text/html; charset=utf-8", "Content-Length: " + page.length + "\r\n");
                x.out.write(page.bytes, 0, page.length / 2);
                x.out.flush();
                reset(x);
            }
            case HANG -> {
                x.head(200, "text/html; charset=utf-8", "Content-Length: " + page.length + "\r\n");
                x.out.write(page.bytes, 0, Math.min(page.length, 1024));
                x.out.flush();
                waitForClose(x);
            }
            case SLOW_DRIP -> {
                x.head(200, "text/html; charset=utf-8", "Content-Length: " + page.length + "\r\n");
                for (int off = 0; off < page.length; off += 16) {
                    x.out.write(page.bytes, off, Math.min(16, page.length - off));
                    x.out.flush();
                    Thread.sleep(100);
                }
            }
            case OVERSIZED -> {
                x.closeAfter = true;
                x.head(200, "text/html; charset=utf-8", "");
                for (long sent = 0; sent < OVERSIZED_BYTES; sent += page.length) {
                    x.out.write(page.bytes, 0, page.length);
                }
                x.out.flush();
            }
            case REDIRECT_LOOP -> {
                byte[] body = new byte[0];
                x.send(302, "text/html; charset=utf-8", "Location: " + loopPath + "\r\n", body, 0);
            }
        }
    }

    /** ~100 MB of zeros as a ~100 KB gzip body, made once. */
    static byte[] gzipBomb() throws IOException {
        byte[] bomb = gzipBomb;
        if (bomb == null) {
            ByteArrayOutputStream packed = new ByteArrayOutputStream();
            try (OutputStream gz = new GZIPOutputStream(packed, 64 * 1024)) {
                byte[] zeros = new byte[1 << 20];
                for (int i = 0; i < 100; i++) {
                    gz.write(zeros);
                }
            }
            bomb = packed.toByteArray();
            gzipBomb = bomb;
        }
        return bomb;
    }

    private static void reset(Exchange x) throws IOException {
        x.closeAfter = true;
        x.socket.setSoLinger(true, 0);
        x.socket.close();
    }

    /** Parks until the client closes (or the shop closes the socket): a response that never completes. */
    private static void waitForClose(Exchange x) {
        x.closeAfter = true;
        try {
            InputStream in = x.socket.getInputStream();
            while (in.read() >= 0) {
                // ignore anything the client sends; we only wait for the end
            }
        } catch (SocketException e) {
            // closed by the client or by the shop: the hang is over
        } catch (IOException e) {
            // likewise
        }
    }
}
