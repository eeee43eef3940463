package dev.trawl.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link ControlChars}: control characters kept out of records, escaped in printed lines, echoed input cut short. */
class ControlCharsTest {

    @Test
    void everyC0AndC1CharacterAndDelIsAControlCharacterAndNothingElse() {
        for (char c = 0; c < 0x400; c++) {
            assertEquals(c < 0x20 || c >= 0x7F && c <= 0x9F, ControlChars.is(c), String.format("U+%04X", (int) c));
        }
        assertFalse(ControlChars.is('\u2028'));
        assertFalse(ControlChars.is('€'));
    }

    @Test
    void stripDropsControlCharactersAndMakesTabsAndLineBreaksSpaces() {
        assertEquals("Mug]0;pwned[2J Blue Large31m", ControlChars.strip("Mug\u001b]0;pwned\u0007\u001b[2J\tBlue\nLarge\u009b31m"));
        assertEquals("Two lines", ControlChars.strip("Two \r\n  lines\n"));
        assertEquals("a b", ControlChars.strip("a\u0085b"));
        assertEquals("ab", ControlChars.strip("a\u0000\u007fb"));
        assertEquals("keeps  two spaces", ControlChars.strip("keeps  two spaces\u0007"), "spaces without a break are kept as they are");
        assertNull(ControlChars.strip("\u001b\u0007\t"), "nothing left: absent");
        assertNull(ControlChars.strip(null));
        String clean = "Émile's \"Mug\", 2-Pack — 0,5 l ";
        assertSame(clean, ControlChars.strip(clean), "text without control characters is left alone, spaces and all");
    }

    @Test
    void escapeWritesEachControlCharacterVisibly() {
        assertEquals("Mug\\u001b]0;pwned\\u0007\\u001b[2J\\tBlue\\nLarge\\r\\u009b31m",
                ControlChars.escape("Mug\u001b]0;pwned\u0007\u001b[2J\tBlue\nLarge\r\u009b31m"));
        assertEquals("\\u0000\\u007f", ControlChars.escape("\u0000\u007f"));
        String clean = "http://shop.test/p/1 — €5";
        assertSame(clean, ControlChars.escape(clean));
        assertEquals("null", ControlChars.escape(null));
        String once = ControlChars.escape("a\u001bb");
        assertEquals(once, ControlChars.escape(once), "escaping twice changes nothing");
    }

    @Test
    void shownCutsLongInputAfterTwoHundredCharacters() {
        String huge = "x".repeat(1_000_000);
        assertEquals("x".repeat(200) + "…", ControlChars.shown(huge));
        assertEquals("x".repeat(200), ControlChars.shown("x".repeat(200)), "200 are shown whole");
        String escapes = ControlChars.shown("\u001b".repeat(1000));
        assertTrue(escapes.length() <= 210 && escapes.endsWith("…") && !ControlChars.any(escapes), escapes);
        String pairs = ControlChars.shown("x" + "😀".repeat(300));
        assertTrue(pairs.endsWith("😀…"), "a surrogate pair is never cut in two: " + pairs);
        assertEquals("short \\u0007", ControlChars.shown("short \u0007"));
    }
}
