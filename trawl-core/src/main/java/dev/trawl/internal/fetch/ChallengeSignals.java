package dev.trawl.internal.fetch;

import dev.trawl.fetch.FetchResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The signs by which the common bot managers' challenge and block pages show themselves, whatever
 * the status they come with: a header the manager sets, or markers in the page's first
 * {@link #SCANNED} bytes that its challenge page carries and a shop's own page does not. Markers are
 * chosen to be specific: Cloudflare's bot-detection script ({@code /cdn-cgi/challenge-platform/scripts/})
 * sits on ordinary pages too, so only the challenge's own parts count.
 */
public final class ChallengeSignals {
    /**
     * Bytes of a body looked at: challenge pages are small and their markers sit near the top (a
     * title, the first scripts); every page is scanned, so the cost stays small.
     */
    static final int SCANNED = 16 * 1024;

    /** Header names, lower case, that only a bot manager's intervention sets, and the value that means it (null: any). */
    private static final Map<String, Signal> HEADERS = Map.of(
            "cf-mitigated", new Signal("cloudflare challenge", List.of("challenge")),
            "x-amzn-waf-action", new Signal("aws waf challenge", List.of()));

    /** Body markers: every marker of one entry must be present. */
    private static final List<Signal> BODIES = List.of(
            new Signal("cloudflare challenge", List.of("<title>Just a moment...</title>")),
            new Signal("cloudflare challenge", List.of("window._cf_chl_opt")),
            new Signal("cloudflare challenge", List.of("/cdn-cgi/challenge-platform/h/")),
            new Signal("datadome captcha", List.of("captcha-delivery.com")),
            new Signal("perimeterx captcha", List.of("px-captcha")),
            new Signal("akamai access denied", List.of("Access Denied", "Reference&#32;&#35;")),
            new Signal("akamai access denied", List.of("Access Denied", "permission to access", "Reference #")),
            new Signal("aws waf challenge", List.of("AwsWafIntegration")),
            new Signal("aws waf challenge", List.of("gokuProps")),
            new Signal("amazon robot check", List.of("/errors/validateCaptcha")),
            new Signal("amazon robot check", List.of("<title dir=\"ltr\">Robot Check</title>")));

    private record Signal(String name, List<String> markers) {}

    private ChallengeSignals() {}

    /** The bot-manager headers of a response, for {@link FetchResult.Response#signals()}: {@code header} gives a header's first value or null. */
    static Map<String, String> headers(java.util.function.UnaryOperator<String> header) {
        Map<String, String> found = null;
        for (String name : HEADERS.keySet()) {
            String value = header.apply(name);
            if (value != null) {
                found = found == null ? new java.util.HashMap<>() : found;
                found.put(name, value);
            }
        }
        return found == null ? Map.of() : found;
    }

    /** The bot manager's challenge {@code response} is, named ("cloudflare challenge"); null when it shows none. */
    public static String of(FetchResult.Response response) {
        for (Map.Entry<String, String> h : response.signals().entrySet()) {
            Signal s = HEADERS.get(h.getKey().toLowerCase(Locale.ROOT));
            if (s != null && (s.markers().isEmpty() || s.markers().contains(h.getValue().strip().toLowerCase(Locale.ROOT)))) {
                return s.name();
            }
        }
        byte[] body = response.body();
        if (body.length == 0) {
            return null;
        }
        // Markers are ASCII: reading the bytes as Latin-1 finds them whatever the page's charset.
        String head = new String(body, 0, Math.min(body.length, SCANNED), StandardCharsets.ISO_8859_1);
        for (Signal s : BODIES) {
            if (s.markers().stream().allMatch(head::contains)) {
                return s.name();
            }
        }
        return null;
    }
}
