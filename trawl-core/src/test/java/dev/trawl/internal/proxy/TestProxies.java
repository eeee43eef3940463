package dev.trawl.internal.proxy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Real proxy servers for tests, from Debian's packages (bin/proxies-for-tests.sh installs them):
 * tinyproxy for HTTP and CONNECT, microsocks for SOCKS5. Each listens on 127.0.0.1 and sends from
 * an outgoing address of its own (127.0.1.x), so a shop tells them apart. Closed with the test.
 * tinyproxy 1.11 closes a kept-alive client connection after some responses without saying so;
 * trawl checks and retries for that, but under load a request now and then still ends {@code reset}.
 */
public final class TestProxies implements AutoCloseable {
    private final List<Process> processes = new ArrayList<>();
    private final Path dir;

    public TestProxies(Path dir) {
        this.dir = dir;
    }

    /** A tinyproxy sending from {@code outgoing}, asking for {@code user}/{@code password} when given; returns its port. */
    public int http(String outgoing, String user, String password) throws IOException, InterruptedException {
        int port = freePort();
        Path conf = dir.resolve("tinyproxy-" + port + ".conf");
        Files.writeString(conf, "Port " + port + "\nListen 127.0.0.1\nBind " + outgoing + "\nTimeout 30\nMaxClients 200\n"
                + "Allow 127.0.0.1\nLogLevel Critical\nDisableViaHeader Yes\n"
                + (user == null ? "" : "BasicAuth " + user + " " + password + "\n"));
        start(List.of(program("tinyproxy"), "-d", "-c", conf.toString()), port);
        return port;
    }

    /** A microsocks sending from {@code outgoing}, with a user and password; returns its port. */
    public int socks(String outgoing, String user, String password) throws IOException, InterruptedException {
        int port = freePort();
        start(List.of(program("microsocks"), "-i", "127.0.0.1", "-p", String.valueOf(port), "-b", outgoing, "-u", user, "-P", password),
                port);
        return port;
    }

    /** A microsocks sending from {@code outgoing}, asking for no credentials; returns its port. */
    public int socks(String outgoing) throws IOException, InterruptedException {
        int port = freePort();
        start(List.of(program("microsocks"), "-i", "127.0.0.1", "-p", String.valueOf(port), "-b", outgoing), port);
        return port;
    }

    /** A port nothing listens on. */
    public static int closedPort() throws IOException {
        return freePort();
    }

    private void start(List<String> command, int port) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("proxy-" + port + ".log").toFile())
                .start();
        processes.add(p);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                if (!p.isAlive()) {
                    throw new IOException(command.getFirst() + " exited at start: " + Files.readString(dir.resolve("proxy-" + port + ".log")));
                }
                Thread.sleep(20);
            }
        }
        throw new IOException(command.getFirst() + " did not listen on port " + port + " within 20 s");
    }

    private static String program(String name) throws IOException {
        for (String dir : List.of("/usr/bin", "/usr/sbin", "/usr/local/bin")) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        throw new IOException(name + " is not installed: run bin/proxies-for-tests.sh (./test does)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
