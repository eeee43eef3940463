package dev.trawl.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Certificates a crawl trusts besides the JDK's own authorities: a private CA, a test server's
 * self-signed certificate, a TLS-inspecting proxy's root. Read from PEM (or DER) files; a file
 * that holds none is refused with a message naming it.
 */
public final class TrustedCertificates {
    private TrustedCertificates() {}

    /**
     * The X.509 certificates in {@code file}.
     *
     * @throws IllegalArgumentException naming the file when it cannot be read or holds no certificate
     */
    public static List<X509Certificate> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                if (c instanceof X509Certificate x) {
                    out.add(x);
                }
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException(file + ": no certificate in it (PEM, -----BEGIN CERTIFICATE-----)");
            }
            return List.copyOf(out);
        } catch (CertificateException e) {
            throw new IllegalArgumentException(file + ": not a certificate file (PEM or DER): " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no X.509 support in this JDK", e);
        }
    }
}
