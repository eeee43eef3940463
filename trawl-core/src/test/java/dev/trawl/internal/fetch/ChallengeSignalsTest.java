package dev.trawl.internal.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trawl.fetch.FetchResult;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChallengeSignalsTest {

    private static FetchResult.Response response(int status, Map<String, String> headers, String body) {
        return new FetchResult.Response(status, "text/html", null, null, null, null, headers, java.util.List.of(), body.getBytes(StandardCharsets.UTF_8), 0);
    }

    @Test
    void ordinaryPagesBehindABotManagerAreNotChallenges() {
        // Cloudflare puts its bot-detection script on every page it serves; DataDome and AWS WAF tag pages with their scripts too.
        String product = "<html><head><title>Espresso cup</title><script src=\"/cdn-cgi/challenge-platform/scripts/jsd/main.js\"></script>"
                + "<script src=\"https://js.datadome.co/tags.js\"></script></head><body><h1>Espresso cup</h1>"
                + "<p>Access denied to returns after 30 days. Reference #12 in our terms.</p></body></html>";
        assertNull(ChallengeSignals.of(response(200, Map.of(), product)));
        assertNull(ChallengeSignals.of(response(200, Map.of("cf-mitigated", "none"), product)));
        assertNull(ChallengeSignals.of(response(200, Map.of(), "")));
    }

    @Test
    void aHeaderOrAMarkerNamesTheManagerWhateverTheStatus() {
        assertEquals("cloudflare challenge", ChallengeSignals.of(response(200, Map.of("cf-mitigated", " Challenge "), "<p>hi</p>")));
        assertEquals("aws waf challenge", ChallengeSignals.of(response(405, Map.of("x-amzn-waf-action", "captcha"), "")));
        assertEquals("cloudflare challenge", ChallengeSignals.of(response(200, Map.of(), "<head><title>Just a moment...</title></head>")));
        // A marker past the bytes looked at is not seen: challenge pages are small.
        String late = "x".repeat(ChallengeSignals.SCANNED) + "captcha-delivery.com";
        assertNull(ChallengeSignals.of(response(200, Map.of(), late)));
        assertEquals("datadome captcha", ChallengeSignals.of(response(200, Map.of(), late.substring(30))));
    }

    @Test
    void onlyTheManagersHeadersAreKept() {
        Map<String, String> sent = Map.of("cf-mitigated", "challenge", "server", "cloudflare");
        assertEquals(Map.of("cf-mitigated", "challenge"), ChallengeSignals.headers(sent::get));
        assertEquals(Map.of(), ChallengeSignals.headers(name -> null));
    }
}
