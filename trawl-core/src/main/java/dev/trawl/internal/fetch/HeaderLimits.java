package dev.trawl.internal.fetch;

import java.net.ProtocolException;
import org.apache.hc.core5.http.config.Http1Config;

/**
 * The caps on a response's header section, as servers cap a request's: {@value #MAX_LINE} bytes a
 * line, {@value #MAX_COUNT} lines, {@value #MAX_TOTAL} bytes in all. A response past one fails as
 * {@code protocol}. Apache's parser enforces the line and count caps as it reads, so a line or a
 * section that never ends costs at most {@value #MAX_COUNT} lines of {@value #MAX_LINE} bytes; the
 * JDK's parser has no per-client cap and stops at its JVM-wide {@code jdk.http.maxHeaderSize}
 * (384 KiB by default on JDK 25). On both, {@link Tally} then applies the three caps to the
 * section received, so the two transports refuse the same responses.
 */
final class HeaderLimits {
    static final int MAX_LINE = 8 * 1024;
    static final int MAX_COUNT = 100;
    static final int MAX_TOTAL = 64 * 1024;

    /** The header section passed a cap. */
    static final class TooLarge extends ProtocolException {
        TooLarge(String what) {
            super("response header section too large: " + what);
        }
    }

    private HeaderLimits() {}

    /** Apache's HTTP/1.1 parser settings: the line and count caps, applied as the section is read. */
    static Http1Config apache() {
        return Http1Config.custom().setMaxLineLength(MAX_LINE).setMaxHeaderCount(MAX_COUNT).build();
    }

    /** Counts a response's header lines against the caps, one {@link #add} a line. */
    static final class Tally {
        private int lines;
        private long bytes;

        /** Counts the line {@code name: value} (with its CRLF). */
        void add(String name, String value) throws TooLarge {
            long line = name.length() + 2L + value.length();
            if (line > MAX_LINE) {
                throw new TooLarge("a " + name + " line of " + line + " bytes, more than " + MAX_LINE);
            }
            if (++lines > MAX_COUNT) {
                throw new TooLarge("more than " + MAX_COUNT + " lines");
            }
            bytes += line + 2;
            if (bytes > MAX_TOTAL) {
                throw new TooLarge("more than " + MAX_TOTAL + " bytes");
            }
        }
    }
}
