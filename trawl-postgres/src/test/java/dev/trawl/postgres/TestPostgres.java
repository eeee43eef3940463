package dev.trawl.postgres;

import com.sun.security.auth.module.UnixSystem;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests, one per test JVM: {@link #get()} starts it on first use (initdb into a
 * fresh directory under java.io.tmpdir, a free loopback port, fsync off) with an empty database, and a
 * shutdown hook stops it and deletes the directory when the JVM exits. It uses the installed server
 * programs ({@code /usr/lib/postgresql/N/bin}, else PATH), which {@code bin/postgres-for-tests.sh} installs.
 * As root, the server runs as the OS user {@code postgres}, since initdb and postgres refuse to run as root.
 */
public final class TestPostgres {
    private static final String USER = "trawl";
    private static final String PASSWORD = "trawl"; // trust authentication: the server does not check it
    private static final String DATABASE = "trawl_test";
    private static final String OS_USER_WHEN_ROOT = "postgres";

    private static final java.util.concurrent.atomic.AtomicInteger SCHEMAS = new java.util.concurrent.atomic.AtomicInteger();

    private static TestPostgres server;
    private static RuntimeException failure;

    private final String jdbcUrl;

    private TestPostgres(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** The JVM's server, started by the first call; a start that failed fails every later call the same way. */
    public static synchronized TestPostgres get() {
        if (server == null && failure == null) {
            try {
                server = start();
            } catch (IOException | SQLException | RuntimeException e) {
                failure = new IllegalStateException("TestPostgres: could not start PostgreSQL: " + e.getMessage(), e);
            }
        }
        if (failure != null) throw failure;
        return server;
    }

    /** {@code jdbc:postgresql://127.0.0.1:PORT/trawl_test}, an empty database the tests share. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** A superuser. */
    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    /**
     * A URL of a new, empty schema in the test database, credentials included
     * ({@code jdbc:postgresql://127.0.0.1:PORT/trawl_test?user=..&password=..&currentSchema=..}): a store opened on it
     * has tables of its own, apart from every other test's.
     */
    public String newSchemaUrl() {
        String schema = "t" + SCHEMAS.incrementAndGet() + "_" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(jdbcUrl, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("TestPostgres: cannot create schema " + schema + ": " + e.getMessage(), e);
        }
        return jdbcUrl + "?user=" + USER + "&password=" + PASSWORD + "&currentSchema=" + schema;
    }

    /** A new connection pool on {@link #jdbcUrl()}, at most 4 connections; the caller closes it. */
    public HikariDataSource newPool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(USER);
        config.setPassword(PASSWORD);
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    private static TestPostgres start() throws IOException, SQLException {
        long started = System.nanoTime();
        Path bin = binDir();
        boolean root = new UnixSystem().getUid() == 0;
        Path dir = Files.createTempDirectory("trawl-pg-");
        if (root) {
            try {
                Files.setOwner(dir, FileSystems.getDefault().getUserPrincipalLookupService()
                        .lookupPrincipalByName(OS_USER_WHEN_ROOT));
            } catch (UserPrincipalNotFoundException e) {
                throw new IllegalStateException("the tests run as root, which PostgreSQL refuses, and there is no OS user '"
                        + OS_USER_WHEN_ROOT + "' to run it as (Debian's postgresql package creates it: run bin/postgres-for-tests.sh)");
            }
        }
        Path data = dir.resolve("data");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(bin, dir, data, root), "TestPostgres-stop"));

        run(dir, root, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--auth=trust",
                "--encoding=UTF8", "--locale=C", "--no-sync");
        int port = freePort();
        // Throwaway data: no crash safety needed. No Unix socket either, so nothing depends on its path.
        Files.writeString(data.resolve("postgresql.conf"), """

                listen_addresses = '127.0.0.1'
                port = %d
                unix_socket_directories = ''
                fsync = off
                synchronous_commit = off
                full_page_writes = off
                """.formatted(port), StandardOpenOption.APPEND);
        run(dir, root, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
                "-w", "-t", "60", "start");

        String base = "jdbc:postgresql://127.0.0.1:" + port + "/";
        try (Connection c = DriverManager.getConnection(base + "postgres", USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DATABASE);
        }
        System.err.printf("TestPostgres: PostgreSQL from %s on 127.0.0.1:%d, started in %d ms%n",
                bin, port, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return new TestPostgres(base + DATABASE);
    }

    private static Path binDir() {
        List<Path> candidates = new ArrayList<>();
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.filter(v -> v.getFileName().toString().matches("\\d+"))
                        .sorted(Comparator.comparingInt((Path v) -> Integer.parseInt(v.getFileName().toString())).reversed())
                        .forEach(v -> candidates.add(v.resolve("bin")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!entry.isEmpty()) candidates.add(Path.of(entry));
        }
        return candidates.stream()
                .filter(d -> Stream.of("initdb", "pg_ctl", "postgres").allMatch(p -> Files.isExecutable(d.resolve(p))))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("PostgreSQL's server programs (initdb, pg_ctl, postgres) are"
                        + " not under /usr/lib/postgresql/*/bin nor on PATH: run bin/postgres-for-tests.sh (./test does),"
                        + " or install them (Debian: apt-get install postgresql)"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Runs a server program in {@code dir}, as OS user postgres when root, and fails with its output if it fails. */
    private static void run(Path dir, boolean root, String... command) throws IOException {
        List<String> full = new ArrayList<>();
        if (root) {
            String runuser = Files.isExecutable(Path.of("/usr/sbin/runuser")) ? "/usr/sbin/runuser" : "runuser"; // root's PATH may lack sbin
            full.addAll(List.of(runuser, "-u", OS_USER_WHEN_ROOT, "--"));
        }
        full.addAll(List.of(command));
        // Output to a file, not a pipe: the server pg_ctl starts must not keep a pipe of ours open.
        Path output = dir.resolve("command.out");
        Process process = new ProcessBuilder(full).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", full) + " took over 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (process.exitValue() != 0) {
            Path log = dir.resolve("server.log");
            throw new IllegalStateException(String.join(" ", full) + " exited with " + process.exitValue() + ":\n"
                    + Files.readString(output) + (Files.exists(log) ? "server.log:\n" + Files.readString(log) : ""));
        }
    }

    private static void stop(Path bin, Path dir, Path data, boolean root) {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                run(dir, root, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("TestPostgres: could not stop the server in " + data + ": " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            System.err.println("TestPostgres: could not delete " + dir + ": " + e);
        }
    }
}
