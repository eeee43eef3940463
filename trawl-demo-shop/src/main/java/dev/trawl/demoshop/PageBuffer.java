package dev.trawl.demoshop;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer reused by one connection for every page it renders. */
final class PageBuffer extends OutputStream {
    byte[] bytes = new byte[64 * 1024];
    int length;

    void reset() {
        length = 0;
    }

    @Override
    public void write(int b) {
        ensure(1);
        bytes[length++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, bytes, length, len);
        length += len;
    }

    PageBuffer add(byte[] b) {
        write(b, 0, b.length);
        return this;
    }

    /** Appends text as UTF-8 (ASCII without a detour). */
    PageBuffer add(String s) {
        int n = s.length();
        ensure(n * 3);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                byte[] utf8 = s.substring(i).getBytes(StandardCharsets.UTF_8);
                write(utf8, 0, utf8.length);
                return this;
            }
            bytes[length++] = (byte) c;
        }
        return this;
    }

    PageBuffer add(long v) {
        return add(Long.toString(v));
    }

    /** Opens a gap of {@code n} bytes at {@code at}, moving what follows; the caller fills the gap. */
    void insert(int at, int n) {
        ensure(n);
        System.arraycopy(bytes, at, bytes, at + n, length - at);
        length += n;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
