package dev.trawl.internal.discover;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link WebUrl} against the web-platform-tests URL cases (src/test/resources/wpt): every case whose
 * input has the http or https scheme, or has none and an http(s) base, or whose expected result is
 * an http(s) URL. Each must give the standard's {@code href}, or fail where the standard fails;
 * and the URL trawl requests ({@link WebUrl#toUri()}) must be that {@code href} without its
 * fragment, where a character {@link java.net.URI} refuses may be percent-encoded; and its dedup
 * key must be that of the standard's {@code href} read again. (The dedup key itself differs from
 * the {@code href} by design, for every URL alike: no fragment, no user info, the query sorted
 * without tracking parameters, escapes of unreserved characters decoded; UrlCanonicalizerTest
 * has those.) The cases where
 * trawl knowingly does otherwise are listed below with the reason, and the test fails when that
 * list is not exactly what happens, in either direction.
 */
class WebUrlStandardTest {
    /** Cases whose parse differs from the standard's, by input: why. */
    private static final Map<String, String> PARSED_OTHERWISE = Map.of();

    private static final String URI_HOST = "java.net.URI, which both HTTP clients take, reads no host in it (RFC 2396's host"
            + " name grammar), so there is nothing to connect to: invalid_url";

    /** Cases the standard parses, trawl too, but that trawl cannot request, by input: why. */
    private static final Map<String, String> NOT_REQUESTABLE = Map.of(
            "http://!\"$&'()*+,-.;=_`{}~/", URI_HOST + " (punctuation)",
            "http://../", URI_HOST + " (empty labels)",
            "http://./", URI_HOST + " (an empty label)",
            "http://0X7F.0.0.0X7G", URI_HOST + " (the last label starts with a digit)",
            "http://0x7f.0.0.0x7g", URI_HOST + " (the last label starts with a digit)",
            "http://foo.09..", URI_HOST + " (an empty label)",
            "https://xn--/", URI_HOST + " (a label ending in a hyphen)");

    /** The characters {@link WebUrl#toUri()} may have percent-encoded where the standard writes them as they are. */
    private static final String URI_REFUSES = "\"<>[\\]^`{|}%";

    private static final UrlCanonicalizer KEYS = UrlCanonicalizer.withDefaults();

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]*):");

    private record Case(String input, String base, String href) {
        boolean failure() {
            return href == null;
        }
    }

    @Test
    void httpAndHttpsCasesGiveTheStandardsHrefAndRequestIt() throws IOException, WebUrl.Invalid {
        List<Case> cases = httpCases();
        Map<String, String> parsedOtherwise = new TreeMap<>();
        Map<String, String> notRequestable = new TreeMap<>();
        int requested = 0;
        int failures = 0;
        for (Case c : cases) {
            String got;
            WebUrl url = null;
            try {
                url = WebUrl.parse(c.input(), base(c.base()));
                got = url.href();
            } catch (WebUrl.Invalid e) {
                got = "failure (" + e.getMessage() + ")";
            }
            String expected = c.failure() ? "failure" : c.href();
            boolean same = c.failure() ? url == null : c.href().equals(got);
            if (!same) {
                parsedOtherwise.put(c.input(), "expected " + expected + ", got " + got);
                continue;
            }
            if (c.failure()) {
                failures++;
                continue;
            }
            try {
                URI uri = url.toUri();
                String request = uri.toString();
                String standard = withoutFragment(c.href());
                if (!sameButEscaped(standard, request)) {
                    parsedOtherwise.put(c.input(), "requests " + request + ", not " + standard);
                }
                String key = KEYS.canonical(uri);
                String keyOfHref = KEYS.canonical(WebUrl.parse(c.href()).toUri());
                if (!key.equals(keyOfHref)) {
                    parsedOtherwise.put(c.input(), "dedup key " + key + ", but " + keyOfHref + " for the standard's href");
                }
                requested++;
            } catch (WebUrl.Invalid e) {
                notRequestable.put(c.input(), e.getMessage());
            }
        }
        System.out.printf(Locale.ROOT, "WPT URL cases for http(s): %d; as the standard: %d (%d failures, %d requested as its href); "
                        + "parsed otherwise: %d; not requestable: %d%n", cases.size(), cases.size() - parsedOtherwise.size(), failures,
                requested, parsedOtherwise.size(), notRequestable.size());
        assertTrue(cases.size() > 300, "the suite's http(s) cases were found: " + cases.size());
        assertAll(() -> assertEquals(PARSED_OTHERWISE.keySet(), parsedOtherwise.keySet(), () -> describe(parsedOtherwise)),
                () -> assertEquals(NOT_REQUESTABLE.keySet(), notRequestable.keySet(), () -> describe(notRequestable)));
    }

    private static String describe(Map<String, String> cases) {
        StringBuilder s = new StringBuilder("cases:\n");
        cases.forEach((input, what) -> s.append("  ").append(escaped(input)).append(" → ").append(what).append('\n'));
        return s.toString();
    }

    private static String escaped(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            if (c < 0x20 || c >= 0x7F && c <= 0xA0 || c == '"' || c == '\\' || c > 0xFFFF || Character.isSurrogate((char) c)
                    || Character.getType(c) == Character.FORMAT) {
                out.append(c > 0xFFFF ? String.format("\\u{%x}", c) : String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('"').toString();
    }

    /**
     * Whether {@code request} is {@code standard} where some characters of {@link #URI_REFUSES}
     * are written as their %XX escape.
     */
    static boolean sameButEscaped(String standard, String request) {
        int i = 0;
        int j = 0;
        while (i < standard.length() && j < request.length()) {
            char c = standard.charAt(i);
            boolean strayPercent = c == '%' && !PercentEncoding.isEscape(standard, i);
            if (c == request.charAt(j) && !strayPercent) {
                i++;
                j++;
            } else if (URI_REFUSES.indexOf(c) >= 0 && request.startsWith(String.format("%%%02X", (int) c), j)) {
                i++;
                j += 3;
            } else {
                return false;
            }
        }
        return i == standard.length() && j == request.length();
    }

    private static String withoutFragment(String href) {
        int hash = href.indexOf('#');
        return hash < 0 ? href : href.substring(0, hash);
    }

    private static WebUrl base(String base) {
        if (base == null) {
            return null;
        }
        try {
            return WebUrl.parse(base);
        } catch (WebUrl.Invalid notHttp) {
            return null; // only an input with its own scheme is among the cases then
        }
    }

    static List<Case> httpCases() throws IOException {
        JsonNode all;
        try (InputStream in = WebUrlStandardTest.class.getResourceAsStream("/wpt/urltestdata.json")) {
            all = new ObjectMapper().readTree(in);
        }
        List<Case> cases = new ArrayList<>();
        for (JsonNode n : all) {
            if (!n.isObject()) {
                continue; // a comment
            }
            String input = n.get("input").asText();
            String base = n.hasNonNull("base") ? n.get("base").asText() : null;
            String href = n.path("failure").asBoolean(false) ? null : n.get("href").asText();
            String scheme = scheme(input);
            boolean http = href != null ? isHttp(scheme(href))
                    : isHttp(scheme) || scheme == null && base != null && isHttp(scheme(base));
            if (http) {
                cases.add(new Case(input, base, href));
            }
        }
        return cases;
    }

    /** The scheme as the standard finds it: after trimming C0 controls and spaces, with tabs and newlines removed. */
    private static String scheme(String s) {
        String t = s.replaceAll("^[\\x00-\\x20]+|[\\x00-\\x20]+$", "").replaceAll("[\\t\\n\\r]", "");
        Matcher m = SCHEME.matcher(t);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    private static boolean isHttp(String scheme) {
        return "http".equals(scheme) || "https".equals(scheme);
    }

    @Test
    void theRequestUrlIsAUriTrawlsClientsTake() throws WebUrl.Invalid {
        URI u = WebUrl.parse("http://shop.example/a b|c[d]?q={x}|y[z]^`\\#frag").toUri();
        assertEquals("http://shop.example/a%20b%7Cc%5Bd%5D?q=%7Bx%7D%7Cy[z]%5E%60%5C", u.toString());
        assertEquals("shop.example", u.getHost());
    }
}
