package dev.trawl.internal.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HeaderBytesTest {
    /** A header value as the clients hand it over: each byte one char. */
    private static String asReceived(String sent) {
        return new String(sent.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    @Test
    void aUtf8LocationIsReadAsUtf8() {
        assertEquals("/café?q=bücher", HeaderBytes.utf8(asReceived("/café?q=bücher")));
    }

    @Test
    void asciiAndLatin1ThatIsNoUtf8StayAsTheyAre() {
        assertEquals("/p/1", HeaderBytes.utf8("/p/1"));
        assertEquals("/caf\u00e9", HeaderBytes.utf8("/caf\u00e9")); // one byte 0xE9: not UTF-8
        assertEquals(null, HeaderBytes.utf8(null));
    }
}
