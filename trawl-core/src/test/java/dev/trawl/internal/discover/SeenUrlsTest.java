package dev.trawl.internal.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeenUrlsTest {
    @Test
    void takesEachUrlOnceThroughManyGrowths() {
        SeenUrls seen = new SeenUrls();
        for (int i = 0; i < 200_000; i++) {
            assertTrue(seen.add("http://shop.example/p/" + i));
        }
        for (int i = 0; i < 200_000; i += 7) {
            assertFalse(seen.add("http://shop.example/p/" + i));
        }
        assertTrue(seen.add("http://shop.example/p/200000"));
        assertEquals(200_001, seen.size());
    }
}
