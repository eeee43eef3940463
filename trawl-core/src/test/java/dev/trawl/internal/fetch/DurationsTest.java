package dev.trawl.internal.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsTheFormsPeopleWrite() {
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofSeconds(3), Durations.parse("3s"));
        assertEquals(Duration.ofMillis(1500), Durations.parse("1.5s"));
        assertEquals(Duration.ofMinutes(1), Durations.parse("1m"));
        assertEquals(Duration.ofHours(2), Durations.parse("2h"));
        assertEquals("1m", Durations.format(Duration.ofSeconds(60)));
        assertEquals("250ms", Durations.format(Duration.ofMillis(250)));
    }

    @Test
    void rejectsOtherFormsWithAMessageShowingTheAcceptedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse("3 seconds"));
        assertEquals("'3 seconds' is not a duration: write it like 500ms, 3s, 1m or 1h", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("-1s"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(""));
    }
}
