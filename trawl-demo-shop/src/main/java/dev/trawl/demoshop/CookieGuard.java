package dev.trawl.demoshop;

import java.io.IOException;

/**
 * A bot manager's cookie check, as {@link DemoShop.Builder#guardCookie(boolean)} describes: only a
 * client that keeps the cookie it is given reaches a product page.
 */
final class CookieGuard {
    static final String NAME = "shop_pass";
    private static final java.util.concurrent.atomic.AtomicLong PASSES = new java.util.concurrent.atomic.AtomicLong();

    private CookieGuard() {}

    /** The pass a request carries (each handshake hands out a new one), or null. */
    static String pass(Request r) {
        if (r.cookie() == null) {
            return null;
        }
        for (String pair : r.cookie().split(";")) {
            String p = pair.strip();
            if (p.startsWith(NAME + "=") && p.length() > NAME.length() + 1) {
                return p.substring(NAME.length() + 1);
            }
        }
        return null;
    }

    /** Whether the request was answered here (a 302 or a challenge) rather than let through to the page. */
    static boolean turnedAway(Exchange x) throws IOException {
        Request r = x.request;
        boolean hasCookie = pass(r) != null;
        boolean second = "1".equals(r.param("pass"));
        if (hasCookie && !second) {
            return false;
        }
        if (hasCookie) {
            x.send(302, "text/plain; charset=utf-8", "Location: " + r.path() + "\r\n", new byte[0], 0);
        } else if (!second) {
            x.send(302, "text/plain; charset=utf-8", "Location: " + r.path() + "?pass=1\r\nSet-Cookie: " + NAME + "="
                    + PASSES.incrementAndGet() + "; Path=/; HttpOnly; Max-Age=3600\r\n", new byte[0], 0);
        } else {
            return ChallengePages.serve(x, "cloudflare-page", 200);
        }
        return true;
    }
}
