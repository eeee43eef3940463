package dev.trawl.internal.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GTINs, category paths and URLs as pages write them. */
class TextHelpersTest {
    private static final URI PAGE = URI.create("https://shop.test/c/p?x=1");

    @Test
    void gtinsAreTheirDigitsWhenTheyHaveAGtinsLength() {
        assertEquals("4006381333931", Gtin.digits("4006381333931"));
        assertEquals("4006381333931", Gtin.digits("4 006381-333931"));
        assertEquals("12345670", Gtin.digits("12345670"));
        assertEquals("00012345678905", Gtin.digits("00012345678905"));
        for (String bad : new String[] {null, "", "1234567", "123456789", "400638133393X", "EAN 4006381333931", "123456789012345"}) {
            assertNull(Gtin.digits(bad), bad);
        }
    }

    @Test
    void categoryPathsSplitOnTheirSeparatorsWithoutHome() {
        assertEquals(List.of("Garden", "Tools"), CategoryPath.split("Home > Garden > Tools"));
        assertEquals(List.of("Garden", "Tools"), CategoryPath.split(" Garden › Tools ›"));
        assertEquals(List.of("Garden", "Tools"), CategoryPath.split("Startseite » Garden » Tools"));
        assertEquals(List.of("Garden", "Tools"), CategoryPath.split("/Garden/Tools/"));
        assertEquals(List.of("Homewares"), CategoryPath.split("Homewares"));
        assertEquals(List.of(), CategoryPath.split(null));
        assertEquals(List.of(), CategoryPath.split(" > "));
    }

    @Test
    void urlsAreMadeAbsoluteAgainstThePage() {
        assertEquals("https://cdn.test/a.jpg", WebUrls.absolute(PAGE, " https://cdn.test/a.jpg "));
        assertEquals("https://cdn.test/a.jpg", WebUrls.absolute(PAGE, "//cdn.test/a.jpg"));
        assertEquals("https://shop.test/img/a.jpg", WebUrls.absolute(PAGE, "/img/a.jpg"));
        assertEquals("https://shop.test/c/a.jpg", WebUrls.absolute(PAGE, "a.jpg"));
        assertNull(WebUrls.absolute(PAGE, "data:image/png;base64,AAAA"));
        assertNull(WebUrls.absolute(PAGE, "javascript:void(0)"));
        // not a java.net.URI reference, but what a browser loads for it
        assertEquals("https://shop.test/c/a%20b.jpg", WebUrls.absolute(PAGE, "a b.jpg"));
        assertNull(WebUrls.absolute(PAGE, "ftp://files.test/a b.jpg"), "not http(s)");
        assertNull(WebUrls.absolute(PAGE, "  "));
        assertNull(WebUrls.absolute(null, "/a.jpg"));
    }
}
