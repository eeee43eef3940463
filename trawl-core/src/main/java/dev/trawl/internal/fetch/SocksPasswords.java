package dev.trawl.internal.fetch;

import dev.trawl.fetch.ProxyServer;
import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The passwords of the crawl's SOCKS proxies. The JDK's SOCKS client asks the JVM's default
 * {@link Authenticator} for them, and nothing else: so trawl installs one, once, that answers for
 * the proxies registered here (by host and port) and hands every other question to the
 * authenticator that was there before.
 */
final class SocksPasswords extends Authenticator {
    private static final Map<String, ProxyServer> PROXIES = new ConcurrentHashMap<>();
    private static volatile boolean installed;

    private final Authenticator previous;

    private SocksPasswords(Authenticator previous) {
        this.previous = previous;
    }

    static void register(ProxyServer proxy) {
        if (proxy.user() == null) {
            return;
        }
        PROXIES.put(proxy.host() + ":" + proxy.port(), proxy);
        synchronized (SocksPasswords.class) {
            if (!installed) {
                Authenticator.setDefault(new SocksPasswords(Authenticator.getDefault()));
                installed = true;
            }
        }
    }

    @Override
    protected PasswordAuthentication getPasswordAuthentication() {
        String protocol = getRequestingProtocol();
        if (protocol != null && protocol.startsWith("SOCKS")) {
            ProxyServer p = PROXIES.get(getRequestingHost() + ":" + getRequestingPort());
            if (p != null) {
                return new PasswordAuthentication(p.user(), (p.password() == null ? "" : p.password()).toCharArray());
            }
        }
        return previous == null ? null : previous.requestPasswordAuthenticationInstance(getRequestingHost(), getRequestingSite(),
                getRequestingPort(), getRequestingProtocol(), getRequestingPrompt(), getRequestingScheme(), getRequestingURL(),
                getRequestorType());
    }
}
