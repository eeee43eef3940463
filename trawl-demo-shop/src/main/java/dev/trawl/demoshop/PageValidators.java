package dev.trawl.demoshop;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * A page's validators, both taken from one 64-bit hash (CRC-32C and CRC-32) of its exact
 * unencoded bytes: a strong ETag, the hash in hex within quotes (with {@code -gzip} or
 * {@code -deflate} appended for an encoded representation), and a Last-Modified some time in
 * 2022–2024 chosen by the hash. A page that has not changed keeps both from one day's shop to the
 * next on the same address; a changed page gets new ones. Its Last-Modified may then go back in
 * time, so an If-Modified-Since matches only when it names exactly that second (as nginx's
 * {@code if_modified_since exact}).
 */
record PageValidators(String etag, long lastModifiedSecond) {
    private static final long BASE_SECOND = ZonedDateTime.parse("2022-01-01T00:00:00Z").toEpochSecond();
    private static final long SPAN_SECONDS = 3 * 365 * 86_400L;

    /** The validators of the page in {@code bytes[0, length)}, sent with Content-Encoding {@code encoding} (null for none). */
    static PageValidators of(byte[] bytes, int length, String encoding) {
        CRC32C high = new CRC32C();
        high.update(bytes, 0, length);
        CRC32 low = new CRC32();
        low.update(bytes, 0, length);
        long hash = high.getValue() << 32 | low.getValue();
        String etag = '"' + HexFormat.of().toHexDigits(hash) + (encoding == null ? "" : "-" + encoding) + '"';
        return new PageValidators(etag, BASE_SECOND + Math.floorMod(hash, SPAN_SECONDS));
    }

    String lastModified() {
        return Exchange.httpDate(lastModifiedSecond);
    }

    /** The ETag and Last-Modified header lines, each ending in CRLF. */
    String headers() {
        return "ETag: " + etag + "\r\nLast-Modified: " + lastModified() + "\r\n";
    }

    /**
     * Whether {@code r} already holds this page: its If-None-Match lists this ETag (weak
     * comparison) or is {@code *}, or, with no If-None-Match, its If-Modified-Since is this Last-Modified.
     */
    boolean matches(Request r) {
        if (r.ifNoneMatch() != null) {
            return listed(r.ifNoneMatch());
        }
        return r.ifModifiedSince() != null && second(r.ifModifiedSince()) == lastModifiedSecond;
    }

    private boolean listed(String ifNoneMatch) {
        if (ifNoneMatch.strip().equals("*")) {
            return true;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if ((t.startsWith("W/") ? t.substring(2) : t).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** The epoch second of an HTTP-date, or {@link Long#MIN_VALUE} when it is not one. */
    private static long second(String httpDate) {
        try {
            return ZonedDateTime.parse(httpDate, DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
        } catch (DateTimeParseException e) {
            return Long.MIN_VALUE;
        }
    }
}
