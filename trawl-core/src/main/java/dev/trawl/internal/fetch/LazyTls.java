package dev.trawl.internal.fetch;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * The default TLS strategy, made on the first https connection rather than at start-up: loading
 * the trust store and the TLS provider costs a few hundred milliseconds that a crawl of plain
 * http sites (and every crawl's first request) should not wait for.
 */
final class LazyTls implements TlsSocketStrategy {
    private static final class Holder {
        static final TlsSocketStrategy DEFAULT = DefaultClientTlsStrategy.createDefault();
    }

    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context) throws IOException {
        return Holder.DEFAULT.upgrade(socket, target, port, attachment, context);
    }
}
