package dev.trawl.demoshop;

import java.io.IOException;

/**
 * A bot manager's cookie check, as {@link DemoShop.Builder#guardCookie(boolean)} describes: only a
 * client that keeps the cookie it is given reaches a product page.
 */
final class CookieGuard {
    static final String COOKIE = "shop_pass=ok";

    private CookieGuard() {}

    /** Whether the request was answered here (a 302 or a challenge) rather than let through to the page. */
    static boolean turnedAway(Exchange x) throws IOException {
        Request r = x.request;
        boolean hasCookie = r.cookie() != null && (";" + r.cookie().replace(" ", "") + ";").contains(";" + COOKIE + ";");
        boolean second = "1".equals(r.param("pass"));
        if (hasCookie && !second) {
            return false;
        }
        if (hasCookie) {
            x.send(302, "text/plain; charset=utf-8", "Location: " + r.path() + "\r\n", new byte[0], 0);
        } else if (!second) {
            x.send(302, "text/plain; charset=utf-8", "Location: " + r.path() + "?pass=1\r\nSet-Cookie: " + COOKIE
                    + "; Path=/; HttpOnly; Max-Age=3600\r\n", new byte[0], 0);
        } else {
            return ChallengePages.serve(x, "cloudflare-page", 200);
        }
        return true;
    }
}
