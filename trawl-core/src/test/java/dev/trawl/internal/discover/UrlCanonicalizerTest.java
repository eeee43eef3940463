package dev.trawl.internal.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlCanonicalizerTest {
    private final UrlCanonicalizer defaults = UrlCanonicalizer.withDefaults();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            HTTP://Shop.Example.COM/p/1                         | http://shop.example.com/p/1
            http://shop.example:80/p/1                          | http://shop.example/p/1
            https://shop.example:443/p/1                        | https://shop.example/p/1
            http://shop.example:8080/p/1                        | http://shop.example:8080/p/1
            http://shop.example                                 | http://shop.example/
            http://shop.example/p/1#reviews                     | http://shop.example/p/1
            http://shop.example/a/./b/../p/1                    | http://shop.example/a/p/1
            http://shop.example/p?b=2&a=1                       | http://shop.example/p?a=1&b=2
            http://shop.example/p?a=2&a=1                       | http://shop.example/p?a=2&a=1
            http://shop.example/p?utm_source=x&id=3&UTM_Medium=y | http://shop.example/p?id=3
            http://shop.example/p?gclid=abc&fbclid=d            | http://shop.example/p
            http://shop.example/p/%7ejoe%2fx                    | http://shop.example/p/~joe%2Fx
            http://shop.example/p?&&id=1                        | http://shop.example/p?id=1
            """)
    void canonicalisesTheWaysOneUrlIsWritten(String url, String expected) {
        assertEquals(expected, defaults.canonical(URI.create(url)));
    }

    /** Spellings a browser reads as one URL are one key: written raw or percent-encoded, in either case of hex, with or without user info. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            http://shop.example/café.html                   | http://shop.example/caf%C3%A9.html
            http://shop.example/caf%c3%a9.html              | http://shop.example/caf%C3%A9.html
            http://shop.example/caf%C3%A9.html              | http://shop.example/caf%C3%A9.html
            http://shop.example?product=123                 | http://shop.example/?product=123
            http://user:secret@shop.example/p/1             | http://shop.example/p/1
            http://2130706433/p/1                           | http://127.0.0.1/p/1
            http://shop.example/p?q=%27a%27                 | http://shop.example/p?q=%27a%27
            http://shop.example/p?q='a'                     | http://shop.example/p?q=%27a%27
            http://shop.example/%7Ejoe/%41                  | http://shop.example/~joe/A
            """)
    void oneKeyForEverySpellingOfAUrl(String url, String expected) {
        assertEquals(expected, defaults.canonical(URI.create(url)));
    }

    @Test
    void aRawNonAsciiPathAndItsEscapesAreOneKey() throws WebUrl.Invalid {
        String raw = defaults.canonical(WebUrl.parse("http://shop.example/café b.html?q=bücher").toUri());
        assertEquals(raw, defaults.canonical(WebUrl.parse("http://shop.example/caf%c3%a9%20b.html?q=b%C3%BCcher").toUri()));
        assertEquals(raw, defaults.canonical(URI.create("http://shop.example/café%20b.html?q=bücher")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            http://shop.example/p?ref=mail&id=1  | http://shop.example/p?id=1
            http://shop.example/p?utm_source=x   | http://shop.example/p?utm_source=x
            http://shop.example/p?session_id=9   | http://shop.example/p
            """)
    void trackingParametersAreConfigurable(String url, String expected) {
        assertEquals(expected, new UrlCanonicalizer(List.of("ref", "session_*")).canonical(URI.create(url)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            http://shop.example/p/1#x     | http://shop.example/p/1
            http://shop.example/p?a=1#x   | http://shop.example/p?a=1
            http://shop.example/p/1       | http://shop.example/p/1
            """)
    void theFragmentNeverReachesTheServer(String url, String expected) {
        assertEquals(expected, UrlCanonicalizer.withoutFragment(URI.create(url)).toString());
    }
}
