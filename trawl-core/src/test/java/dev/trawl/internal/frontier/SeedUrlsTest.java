package dev.trawl.internal.frontier;

import dev.trawl.internal.discover.SeedUrls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trawl.crawl.FailureReason;
import java.net.URI;
import org.junit.jupiter.api.Test;

class SeedUrlsTest {

    @Test
    void acceptsAbsoluteHttpAndHttpsUrls() {
        assertTrue(SeedUrls.parse("http://shop.test/p/1?x=2").ok());
        assertEquals("/", SeedUrls.parse("HTTPS://Shop.test").url().getPath());
        assertEquals("http://shop.test:80", HostKey.of(SeedUrls.parse("HTTP://SHOP.test/a").url()));
        assertEquals("https://shop.test:8443", HostKey.of(SeedUrls.parse("https://shop.test:8443/a").url()));
    }

    @Test
    void saysWhyABadSeedIsRejected() {
        assertEquals(FailureReason.UNSUPPORTED_SCHEME, SeedUrls.parse("ftp://shop.test/a").reason());
        assertEquals("unsupported scheme 'ftp' (only http and https)", SeedUrls.parse("ftp://shop.test/a").message());
        assertEquals(FailureReason.INVALID_URL, SeedUrls.parse("shop.test/p/1").reason());
        assertEquals("not an absolute URL (no scheme such as http://)", SeedUrls.parse("shop.test/p/1").message());
        assertEquals(FailureReason.INVALID_URL, SeedUrls.parse("http://shop test/p").reason());
        assertEquals(FailureReason.INVALID_URL, SeedUrls.parse("http://").reason());
        assertEquals("no host in URL", SeedUrls.parse("http://").message());
        // As browsers read it, extra slashes after http: are skipped: this is http://nohost/.
        assertEquals("http://nohost/", SeedUrls.parse("http:///nohost").url().toString());
    }

    @Test
    void aSeedIsReadAsABrowserReadsIt() {
        assertEquals("http://shop.test/?product=123", SeedUrls.parse("http://shop.test?product=123").url().toString());
        assertEquals("http://shop.test/a%20b?q=c%20d", SeedUrls.parse(" http://shop.test/a b?q=c d#e ").url().toString());
        assertEquals("http://www.xn--bcher-kva.de/?q=b%C3%BCcher", SeedUrls.parse("http://www.bücher.de/?q=bücher").url().toString());
        assertEquals(FailureReason.INVALID_URL, SeedUrls.parse("http://shop.test:66000/").reason());
        assertEquals("port 66000 is out of range (0 to 65535)", SeedUrls.parse("http://shop.test:66000/").message());
    }

    @Test
    void aReferenceIsResolvedAgainstTheUrlRequested() {
        URI page = URI.create("https://shop.test/c/shoes/list?page=2");
        assertEquals("https://shop.test/c/shoes/red%20shoes", SeedUrls.resolve("red shoes", page).url().toString());
        assertEquals("https://shop.test/p/1", SeedUrls.resolve("\\p\\1", page).url().toString());
        assertEquals("https://shop.test/c/shoes/list?page=3", SeedUrls.resolve("?page=3", page).url().toString());
        assertEquals(FailureReason.UNSUPPORTED_SCHEME, SeedUrls.resolve("mailto:a@b", page).reason());
    }

    @Test
    void aMessageNeverEchoesAVeryLongSchemeWhole() {
        String message = SeedUrls.parse("a".repeat(1_000_000) + ":rest").message();
        assertTrue(message.length() < 300, () -> "cut short: " + message.length() + " characters");
        assertEquals("unsupported scheme '" + "a".repeat(200) + "…' (only http and https)", message);
    }
}
