package dev.trawl.internal.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trawl.crawl.FailureReason;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The URLs shops write that java.net.URI reads otherwise or not at all, and what trawl requests for each. */
class WebUrlTest {
    private static final String PAGE = "https://shop.example/c/shoes/index.html?page=2";

    @ParameterizedTest
    @CsvSource(delimiterString = " -> ", textBlock = """
            http://host?product=123 -> http://host/?product=123
            http://host#top -> http://host/
            /p/red shoes?q=dark red -> https://shop.example/p/red%20shoes?q=dark%20red
            p"1"<b> -> https://shop.example/c/shoes/p%221%22%3Cb%3E
            /a|b/[c]/{d}/^e^/`f` -> https://shop.example/a%7Cb/%5Bc%5D/%7Bd%7D/%5Ee%5E/%60f%60
            ?q=a|b[c]{d}^e\\\\f`g'h -> https://shop.example/c/shoes/index.html?q=a%7Cb[c]%7Bd%7D%5Ee%5Cf%60g%27h
            \\\\p\\\\1 -> https://shop.example/p/1
            \\\\\\\\cdn.example\\\\img.png -> https://cdn.example/img.png
            /café.html -> https://shop.example/caf%C3%A9.html
            /100% -> https://shop.example/100%25
            /100%25 -> https://shop.example/100%25
            ../../p/1 -> https://shop.example/p/1
            /a/%2e%2E/b/./c -> https://shop.example/b/c
            http://www.bücher.de/?q=bücher -> http://www.xn--bcher-kva.de/?q=b%C3%BCcher
            https://straße.de/ -> https://xn--strae-oqa.de/
            HTTP://SHOP.Example:80/P -> http://shop.example/P
            https://shop.example:0443/ -> https://shop.example/
            http://0x7f.1/ -> http://127.0.0.1/
            http://[0:0:0:0:0:0:0:1]:8080/ -> http://[::1]:8080/
            http:shop.example/p -> http://shop.example/p
            http://user:pa ss@shop.example/ -> http://user:pa%20ss@shop.example/
            '  https://shop.example/p/1\\t\\n ' -> https://shop.example/p/1
            """)
    void resolvesAgainstAPageAsABrowserDoesAndRequestsAUriTheClientsTake(String reference, String request) throws Exception {
        URI uri = WebUrl.parse(reference.translateEscapes(), WebUrl.parse(PAGE)).toUri();
        assertEquals(request, uri.toString());
        assertEquals(uri, URI.create(uri.toString()), "a URI as java.net.URI writes it");
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " -> ", textBlock = """
            http://shop.example:66000/ -> port 66000 is out of range (0 to 65535)
            http://shop.example:8o/ -> port '8o' is not a number
            http://shop example/ -> host 'shop example' has a character no host may have: ' '
            http://sh%20op/ -> host 'sh op' has a character no host may have: ' '
            http:// -> no host in URL
            http://user@/p -> user name or password but no host
            http://[::1/p -> IPv6 host without its closing ]: [::1
            http://[1:2:3]/ -> host '[1:2:3]' is not a valid IPv6 address: fewer than eight pieces and no '::'
            http://1.2.3.256/ -> host '1.2.3.256' is not a valid IPv4 address: the last part is too large
            http://shop.09/ -> host 'shop.09' is not a valid IPv4 address: 'shop' is not a number
            http://shop_1.example/ -> host 'shop_1.example' cannot be requested: trawl's HTTP clients take host names of letters, digits, hyphens and dots only, each label starting and ending with a letter or digit, the last starting with a letter
            /p/1 -> not an absolute URL (no scheme such as http://)
            """)
    void whatCannotBeRequestedIsAnInvalidUrlThatSaysWhy(String text, String message) {
        WebUrl.Invalid e = assertThrows(WebUrl.Invalid.class, () -> WebUrl.parse(text).toUri());
        assertEquals(FailureReason.INVALID_URL, e.reason());
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " -> ", textBlock = """
            ftp://files.example/a -> unsupported scheme 'ftp' (only http and https)
            mailto:shop@example -> unsupported scheme 'mailto' (only http and https)
            JavaScript:void(0) -> unsupported scheme 'javascript' (only http and https)
            """)
    void otherSchemesAreUnsupported(String text, String message) {
        WebUrl.Invalid e = assertThrows(WebUrl.Invalid.class, () -> WebUrl.parse(text, null));
        assertEquals(FailureReason.UNSUPPORTED_SCHEME, e.reason());
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " -> ", textBlock = """
            http://a:b@shop.example/p#x -> http://a:b@shop.example/p#x
            http://shop.example/p?# -> http://shop.example/p?#
            http://shop.example/a b#c d -> http://shop.example/a%20b#c%20d
            """)
    void hrefIsTheStandardsSerialisation(String text, String href) throws Exception {
        assertEquals(href, WebUrl.parse(text).href());
    }
}
