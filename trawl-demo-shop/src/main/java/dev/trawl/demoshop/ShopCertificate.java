package dev.trawl.demoshop;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate made when a shop starts with TLS, for its address and {@code localhost}:
 * made by the JDK's own keytool (the JDK has no public API for it), its key kept in memory, its
 * certificate written as PEM for a client to trust ({@code trawl --ca-cert FILE}).
 */
final class ShopCertificate {
    private static final String PASSWORD = "demo-shop";

    private final SSLContext context;
    private final Path pem;

    private ShopCertificate(SSLContext context, Path pem) {
        this.context = context;
        this.pem = pem;
    }

    /** Makes a key and certificate for {@code address}, the certificate written to {@code pem}. */
    static ShopCertificate make(String address, Path pem) throws IOException {
        Path dir = Files.createTempDirectory("trawl-demo-shop-tls");
        Path store = dir.resolve("shop.p12");
        try {
            String san = "SAN=dns:localhost" + (address.matches("[0-9.]+|.*:.*") ? ",ip:" + address : ",dns:" + address);
            keytool("-genkeypair", "-alias", "shop", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=trawl demo shop",
                    "-ext", san, "-validity", "30", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD,
                    "-keypass", PASSWORD);
            Path parent = pem.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.deleteIfExists(pem);
            keytool("-exportcert", "-rfc", "-alias", "shop", "-keystore", store.toString(), "-storepass", PASSWORD, "-file",
                    pem.toString());
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, PASSWORD.toCharArray());
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return new ShopCertificate(context, pem);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot load the shop's certificate: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(store);
            Files.deleteIfExists(dir);
        }
    }

    SSLContext context() {
        return context;
    }

    /** The certificate, PEM. */
    Path pem() {
        return pem;
    }

    private static void keytool(String... args) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("keytool " + args[0] + " failed: " + out.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while making the shop's certificate", e);
        }
    }
}
