package dev.trawl.demoshop;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A bot manager's rate limit, as {@link DemoShop.Builder#guardRate(int, java.time.Duration)}
 * describes: a client address that sends more than {@code perSecond} product requests within a
 * second is banned for the ban period, and gets 403 challenge pages (Cloudflare's markers) meanwhile.
 * It also notes the cookie-guard pass a banned request carried, and counts requests that come back
 * with that pass later: a client that keeps using a session after its ban.
 */
final class RateGuard {
    /** What the guard saw of one client address. */
    record Counts(long requests, long bans, long challenges) {}

    private static final class Client {
        final ArrayDeque<Long> starts = new ArrayDeque<>();
        long bannedUntil;
        long requests;
        long bans;
        long challenges;
    }

    private final int perSecond;
    private final long banNanos;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Set<String> bannedPasses = ConcurrentHashMap.newKeySet();
    private final LongAdder afterBan = new LongAdder();

    RateGuard(int perSecond, java.time.Duration ban) {
        this.perSecond = perSecond;
        this.banNanos = ban.toNanos();
    }

    /** Whether the request was answered with a challenge here rather than let through. */
    boolean turnedAway(Exchange x) throws IOException {
        String address = x.socket.getInetAddress().getHostAddress();
        String pass = CookieGuard.pass(x.request);
        if (pass != null && bannedPasses.contains(pass)) {
            afterBan.increment();
        }
        Client c = clients.computeIfAbsent(address, a -> new Client());
        boolean banned;
        synchronized (c) {
            long now = System.nanoTime();
            c.requests++;
            while (!c.starts.isEmpty() && now - c.starts.peekFirst() > 1_000_000_000L) {
                c.starts.pollFirst();
            }
            c.starts.addLast(now);
            banned = now < c.bannedUntil;
            if (!banned && c.starts.size() > perSecond) {
                c.bannedUntil = now + banNanos;
                c.bans++;
                banned = true;
            }
            if (banned) {
                c.challenges++;
            }
        }
        if (!banned) {
            return false;
        }
        if (pass != null) {
            bannedPasses.add(pass);
        }
        return ChallengePages.serve(x, "cloudflare", 403);
    }

    Map<String, Counts> counts() {
        Map<String, Counts> out = new TreeMap<>();
        clients.forEach((address, c) -> {
            synchronized (c) {
                out.put(address, new Counts(c.requests, c.bans, c.challenges));
            }
        });
        return out;
    }

    long requestsAfterBan() {
        return afterBan.sum();
    }

    String toJson() {
        StringBuilder s = new StringBuilder("{\"perSecond\":").append(perSecond).append(",\"requestsOnABannedSession\":")
                .append(requestsAfterBan()).append(",\"clients\":{");
        String sep = "";
        for (var e : counts().entrySet()) {
            s.append(sep).append('"').append(e.getKey()).append("\":{\"requests\":").append(e.getValue().requests())
                    .append(",\"bans\":").append(e.getValue().bans()).append(",\"challenges\":").append(e.getValue().challenges()).append('}');
            sep = ",";
        }
        return s.append("}}").toString();
    }
}
