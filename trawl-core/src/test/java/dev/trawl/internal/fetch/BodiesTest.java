package dev.trawl.internal.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BodiesTest {

    @Test
    void readsBodiesOfKnownAndUnknownLengthUpToTheCap() throws Exception {
        byte[] data = new byte[200_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        assertArrayEquals(data, Bodies.read(new ByteArrayInputStream(data), data.length, data.length));
        assertArrayEquals(data, Bodies.read(new ByteArrayInputStream(data), -1, data.length));
        assertArrayEquals(new byte[0], Bodies.read(new ByteArrayInputStream(new byte[0]), -1, 10));
    }

    @Test
    void stopsReadingAtTheCapEvenWhenTheBodyNeverEnds() {
        InputStream endless = new InputStream() {
            public int read() {
                return 'x';
            }

            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                return len;
            }
        };
        assertThrows(Failures.TooLarge.class, () -> Bodies.read(endless, -1, 1_000_000));
        assertThrows(Failures.TooLarge.class, () -> Bodies.read(new ByteArrayInputStream(new byte[11]), 11, 10));
        assertThrows(Failures.TooLarge.class, () -> Bodies.read(new ByteArrayInputStream(new byte[11]), -1, 10));
    }
}
