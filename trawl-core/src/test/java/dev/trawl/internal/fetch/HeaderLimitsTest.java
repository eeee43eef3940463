package dev.trawl.internal.fetch;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The three caps on a header section, each on its own, and Apache's parser given the same two it can apply. */
class HeaderLimitsTest {

    @Test
    void aLineLongerThanTheCapIsRefused() {
        HeaderLimits.Tally tally = new HeaderLimits.Tally();
        String name = "X-A";
        assertDoesNotThrow(() -> tally.add(name, "a".repeat(HeaderLimits.MAX_LINE - name.length() - 2)));
        assertThrows(HeaderLimits.TooLarge.class, () -> new HeaderLimits.Tally().add(name, "a".repeat(HeaderLimits.MAX_LINE)));
    }

    @Test
    void moreLinesThanTheCapAreRefused() throws Exception {
        HeaderLimits.Tally tally = new HeaderLimits.Tally();
        for (int i = 0; i < HeaderLimits.MAX_COUNT; i++) {
            tally.add("X-" + i, "v");
        }
        assertThrows(HeaderLimits.TooLarge.class, () -> tally.add("X-last", "v"));
    }

    @Test
    void moreBytesThanTheCapAreRefusedThoughEachLineIsWithinItsOwn() throws Exception {
        HeaderLimits.Tally tally = new HeaderLimits.Tally();
        String value = "b".repeat(4 * 1024);
        int fit = HeaderLimits.MAX_TOTAL / (value.length() + 8);
        for (int i = 0; i < fit; i++) {
            tally.add("X-" + (char) ('a' + i % 26), value);
        }
        assertThrows(HeaderLimits.TooLarge.class, () -> {
            for (int i = 0; i < HeaderLimits.MAX_COUNT; i++) {
                tally.add("X-more", value);
            }
        });
    }

    @Test
    void apacheParsesWithTheLineAndCountCaps() {
        assertEquals(HeaderLimits.MAX_LINE, HeaderLimits.apache().getMaxLineLength());
        assertEquals(HeaderLimits.MAX_COUNT, HeaderLimits.apache().getMaxHeaderCount());
    }
}
