package dev.trawl.demoshop;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An HTTP/1.1 request head, read straight off the socket: only what the shop needs. The
 * conditional headers are null when absent; several If-None-Match lines are joined with commas.
 */
record Request(String method, String target, String path, String query, boolean keepAlive, String acceptEncoding,
               String ifNoneMatch, String ifModifiedSince, String cookie) {
    private static final int MAX_LINE = 8192;

    /** Thrown for a request the shop cannot read; answered with 400. */
    static final class BadRequest extends IOException {
        BadRequest(String message) {
            super(message);
        }
    }

    /** Reads the next request head, or returns null at a clean end of the connection. */
    static Request read(InputStream in) throws IOException {
        String line = line(in, true);
        if (line == null) {
            return null;
        }
        String[] parts = line.split(" ");
        if (parts.length != 3 || !allBetween(parts[0], 16, 'A', 'Z') || !(parts[2].equals("HTTP/1.1") || parts[2].equals("HTTP/1.0"))
                || !parts[1].startsWith("/")) {
            throw new BadRequest("bad request line: " + line);
        }
        boolean http11 = parts[2].equals("HTTP/1.1");
        String connection = null;
        String acceptEncoding = "";
        String ifNoneMatch = null;
        String ifModifiedSince = null;
        String cookie = null;
        long contentLength = 0;
        for (String h = line(in, false); !h.isEmpty(); h = line(in, false)) {
            int colon = h.indexOf(':');
            if (colon <= 0 || !isToken(h, colon)) {
                // also refuses obs-fold and whitespace before the colon (RFC 9112 §5.1, §5.2)
                throw new BadRequest("bad header line: " + h);
            }
            String name = h.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).strip();
            switch (name) {
                case "connection" -> connection = value.toLowerCase(Locale.ROOT);
                case "accept-encoding" -> acceptEncoding = value.toLowerCase(Locale.ROOT);
                case "if-none-match" -> ifNoneMatch = ifNoneMatch == null ? value : ifNoneMatch + ", " + value;
                case "if-modified-since" -> ifModifiedSince = value;
                case "cookie" -> cookie = cookie == null ? value : cookie + "; " + value;
                case "content-length" -> {
                    if (!allBetween(value, 7, '0', '9')) {
                        throw new BadRequest("bad Content-Length (the shop takes bodies under 10 MB): " + value);
                    }
                    contentLength = Long.parseLong(value);
                }
                case "transfer-encoding" -> throw new BadRequest("request bodies with Transfer-Encoding are not supported");
                default -> { }
            }
        }
        in.skipNBytes(contentLength);
        boolean keepAlive = http11 ? !"close".equals(connection) : "keep-alive".equals(connection);
        String target = parts[1];
        int q = target.indexOf('?');
        return new Request(parts[0], target, q < 0 ? target : target.substring(0, q), q < 0 ? "" : target.substring(q + 1),
                keepAlive, acceptEncoding, ifNoneMatch, ifModifiedSince, cookie);
    }

    /** The value of query parameter {@code name}, or null. */
    String param(String name) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                return eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    long longParam(String name, long otherwise) {
        String v = param(name);
        try {
            return v == null ? otherwise : Long.parseLong(v);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** Whether {@code s} has 1 to {@code max} characters, each between {@code lo} and {@code hi}. */
    private static boolean allBetween(String s, int max, char lo, char hi) {
        if (s.isEmpty() || s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < lo || s.charAt(i) > hi) {
                return false;
            }
        }
        return true;
    }

    /** Whether the first {@code end} chars are an RFC 9110 token (so no whitespace before the colon, no obs-fold). */
    private static boolean isToken(String s, int end) {
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String line(InputStream in, boolean first) throws IOException {
        byte[] buf = new byte[256];
        int n = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (first && n == 0) {
                    return null;
                }
                throw new java.io.EOFException("connection closed inside a request head");
            }
            if (b == '\n') {
                break;
            }
            if (n == MAX_LINE) {
                throw new BadRequest("request head line longer than " + MAX_LINE + " bytes");
            }
            if (n == buf.length) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            buf[n++] = (byte) b;
        }
        if (n > 0 && buf[n - 1] == '\r') {
            n--;
        }
        return new String(buf, 0, n, StandardCharsets.ISO_8859_1);
    }
}
