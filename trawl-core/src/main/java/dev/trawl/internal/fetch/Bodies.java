package dev.trawl.internal.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Reads a response body into memory, never past the size cap. */
final class Bodies {
    private static final int UNKNOWN_LENGTH_BUFFER = 64 * 1024;

    private Bodies() {}

    /**
     * Reads {@code in} to the end. {@code expected} sizes the buffer (-1: unknown), so a body of
     * announced length is read without a copy.
     *
     * @throws Failures.TooLarge as soon as more than {@code cap} bytes arrive
     */
    static byte[] read(InputStream in, long expected, long cap) throws IOException {
        if (expected > cap) {
            throw new Failures.TooLarge(cap);
        }
        byte[] buf = new byte[(int) (expected >= 0 ? expected : Math.min(cap, UNKNOWN_LENGTH_BUFFER))];
        int n = 0;
        while (true) {
            if (n == buf.length) {
                int b = in.read();
                if (b < 0) {
                    return buf;
                }
                if (n + 1L > cap) {
                    throw new Failures.TooLarge(cap);
                }
                buf = Arrays.copyOf(buf, (int) Math.min(cap, Math.max(16, (long) buf.length * 2)));
                buf[n++] = (byte) b;
                continue;
            }
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) {
                return Arrays.copyOf(buf, n);
            }
            n += r;
        }
    }
}
