package dev.trawl.fetch;

import java.time.Duration;

/**
 * How a transport fetches: timeouts, the body size cap, the user agent and the connection pool's
 * size. Validated on construction with messages naming the field.
 *
 * @param connectTimeout   time to establish a TCP connection
 * @param responseTimeout  time to wait for the first byte of the response, and between reads
 * @param totalTimeout     time for the whole attempt, from start to the body's last byte
 * @param maxBodyBytes     a larger (decoded) body fails the attempt with {@code too_large}
 * @param maxConnections   connections the pool may hold in all
 * @param maxConnectionsPerHost connections the pool may hold to one host
 * @param trustedCertificates certificates trusted for https besides the JDK's authorities ({@link TrustedCertificates})
 */
public record FetchSettings(Duration connectTimeout, Duration responseTimeout, Duration totalTimeout,
                            long maxBodyBytes, String userAgent, int maxConnections, int maxConnectionsPerHost,
                            java.util.List<java.security.cert.X509Certificate> trustedCertificates) {

    /** The largest body cap a transport accepts (bodies are held in one array). */
    public static final long MAX_BODY_CAP = 1L << 30;

    /** Settings that trust the JDK's authorities only. */
    public FetchSettings(Duration connectTimeout, Duration responseTimeout, Duration totalTimeout, long maxBodyBytes, String userAgent,
                         int maxConnections, int maxConnectionsPerHost) {
        this(connectTimeout, responseTimeout, totalTimeout, maxBodyBytes, userAgent, maxConnections, maxConnectionsPerHost,
                java.util.List.of());
    }

    public FetchSettings {
        trustedCertificates = trustedCertificates == null ? java.util.List.of() : java.util.List.copyOf(trustedCertificates);
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("responseTimeout", responseTimeout);
        requirePositive("totalTimeout", totalTimeout);
        if (maxBodyBytes < 1 || maxBodyBytes > MAX_BODY_CAP) {
            throw new IllegalArgumentException("maxBodyBytes must be between 1 and " + MAX_BODY_CAP + ", was " + maxBodyBytes);
        }
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("userAgent must not be blank");
        }
        if (maxConnections < 1 || maxConnectionsPerHost < 1) {
            throw new IllegalArgumentException("maxConnections and maxConnectionsPerHost must be ≥ 1, were "
                    + maxConnections + " and " + maxConnectionsPerHost);
        }
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + d);
        }
    }
}
