package dev.trawl.demoshop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Pages in the style of the common bot managers' challenges and blocks, written for the demo shop:
 * each carries the header or the markers by which its kind is known (a title, a script path, a
 * captcha host), with the status that kind usually comes with. {@code plain} is a shop's own
 * "verify you are human" page that no built-in signal names, for the user's rules.
 */
final class ChallengePages {
    private static final String HTML = "text/html; charset=utf-8";

    private ChallengePages() {}

    /** Answers {@code /fault/challenge?kind=K&status=N}; false when there is no such kind. */
    static boolean serve(Exchange x, String kind, long status) throws IOException {
        Page p = switch (kind == null ? "cloudflare" : kind) {
            case "cloudflare" -> new Page(403, "cf-mitigated: challenge\r\n", "<title>Just a moment...</title>",
                    "<script>window._cf_chl_opt = {cType: 'managed'};</script><noscript>Enable JavaScript and cookies to continue</noscript>");
            case "cloudflare-page" -> new Page(503, "", "<title>Just a moment...</title>",
                    "<script src=\"/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1\"></script>");
            case "datadome" -> new Page(403, "", "<title>demo</title>",
                    "<script>var dd={'host':'geo.captcha-delivery.com'}</script><script src=\"https://ct.captcha-delivery.com/c.js\"></script>");
            case "perimeterx" -> new Page(403, "", "<title>Access to this page has been denied</title>",
                    "<div id=\"px-captcha\"></div><p>Press &amp; Hold to confirm you are a human (and not a bot).</p>");
            case "akamai" -> new Page(403, "", "<TITLE>Access Denied</TITLE>",
                    "<H1>Access Denied</H1>You don't have permission to access \"http&#58;&#47;&#47;shop&#47;\" on this server.<P>"
                            + "Reference&#32;&#35;18&#46;2c1e3b17&#46;1700000000&#46;1a2b3c4d");
            case "awswaf" -> new Page(202, "x-amzn-waf-action: challenge\r\n", "<title></title>",
                    "<script>window.gokuProps = {\"key\":\"demo\"};</script><div id=\"challenge-container\"></div>");
            case "amazon" -> new Page(200, "", "<title dir=\"ltr\">Robot Check</title>",
                    "<form method=\"get\" action=\"/errors/validateCaptcha\"><p>Type the characters you see in this image:</p></form>");
            case "plain" -> new Page(200, "", "<title>One moment</title>",
                    "<form id=\"verify-human\"><p>Please verify you are a human to continue shopping.</p></form>");
            default -> null;
        };
        if (p == null) {
            return false;
        }
        byte[] body = ("<!DOCTYPE html><html><head>" + p.head + "</head><body>" + p.body + "</body></html>")
                .getBytes(StandardCharsets.UTF_8);
        x.send(status > 0 ? (int) status : p.status, HTML, p.headers, body, body.length);
        return true;
    }

    private record Page(int status, String headers, String head, String body) {}
}
