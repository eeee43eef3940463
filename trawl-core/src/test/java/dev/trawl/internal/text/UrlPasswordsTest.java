package dev.trawl.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlPasswordsTest {

    @ParameterizedTest
    @CsvSource(delimiterString = " -> ", textBlock = """
            http://user:secret@shop.example/p -> http://user:***@shop.example/p
            HTTPS://user:s%40cret@shop.example -> HTTPS://user:***@shop.example
            redirect to 'https://a:b@c/d': port x -> redirect to 'https://a:***@c/d': port x
            urls.txt:3: bad port: http://u:p@ss@host:66000/ (skipped) -> urls.txt:3: bad port: http://u:***@host:66000/ (skipped)
            http://user@shop.example/ -> http://user@shop.example/
            http://user:@shop.example/ -> http://user:@shop.example/
            http://shop.example/a:b@c -> http://shop.example/a:b@c
            mailto:a:b@c -> mailto:a:b@c
            two: http://a:1@x/ and https://b:2@y/ -> two: http://a:***@x/ and https://b:***@y/
            """)
    void aUrlsPasswordIsHiddenItsUserShown(String line, String shown) {
        assertEquals(shown, UrlPasswords.hidden(line));
    }

    @org.junit.jupiter.api.Test
    void nullStaysNull() {
        assertNull(UrlPasswords.hidden(null));
    }
}
