package dev.trawl.internal.fetch;

import java.io.IOException;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * The default TLS strategy, made on the first https connection rather than at start-up: loading
 * the trust store and the TLS provider costs a few hundred milliseconds that a crawl of plain
 * http sites (and every crawl's first request) should not wait for. With certificates of the
 * crawl's own to trust, a strategy of its own, made as lazily.
 */
final class LazyTls implements TlsSocketStrategy {
    private static final class Holder {
        static final TlsSocketStrategy DEFAULT = DefaultClientTlsStrategy.createDefault();
    }

    private final List<X509Certificate> trusted;
    private volatile TlsSocketStrategy own;

    LazyTls(List<X509Certificate> trusted) {
        this.trusted = trusted;
    }

    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context) throws IOException {
        return strategy().upgrade(socket, target, port, attachment, context);
    }

    private TlsSocketStrategy strategy() {
        if (trusted.isEmpty()) {
            return Holder.DEFAULT;
        }
        TlsSocketStrategy s = own;
        if (s == null) {
            synchronized (this) {
                if (own == null) {
                    own = new DefaultClientTlsStrategy(TlsTrust.context(trusted));
                }
                s = own;
            }
        }
        return s;
    }
}
