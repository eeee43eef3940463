package dev.trawl.render.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * One headless Chromium process: started with a fresh profile directory of its own, its DevTools
 * endpoint read from its stderr, its whole process tree killed at the end and the directory
 * deleted. Everything here does process or file work: call it on the renderer's platform thread.
 *
 * <p>The profile directory is {@code trawl-chromium-<jvm pid>-<random>} in the temp directory, and
 * the browser's TMPDIR and XDG directories point inside it, so that its singleton socket and its
 * crash handler's database leave nothing behind either. Directories of JVMs that are gone are
 * deleted when a browser starts.
 */
public final class BrowserProcess {

    static final String DIR_PREFIX = "trawl-chromium-";
    private static final String LISTENING = "DevTools listening on ";
    private static final int STDERR_TAIL = 8;
    private static final long KILL_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Process process;
    private final Path profile;
    private final URI endpoint;
    private final Set<ProcessHandle> seen = new LinkedHashSet<>(); // the renderer thread only

    private BrowserProcess(Process process, Path profile, URI endpoint) {
        this.process = process;
        this.profile = profile;
        this.endpoint = endpoint;
    }

    /** Starts {@code browser}; blocks until its DevTools endpoint is known or {@code timeout} passed. */
    public static BrowserProcess start(Path browser, Duration timeout) throws IOException {
        if (!Files.isExecutable(browser)) {
            throw new IOException("no browser at " + browser + " (install Debian's chromium: apt-get install chromium)");
        }
        deleteStaleProfiles();
        Path profile = Files.createTempDirectory(DIR_PREFIX + ProcessHandle.current().pid() + "-");
        Files.createDirectories(profile.resolve("tmp"));
        List<String> command = new ArrayList<>(List.of(browser.toString(),
                "--headless", "--remote-debugging-port=0", "--user-data-dir=" + profile,
                "--no-first-run", "--no-default-browser-check", "--disable-gpu", "--disable-quic",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--disable-default-apps", "--mute-audio", "--disable-breakpad",
                "--password-store=basic", "--use-mock-keychain"));
        if (runningAsRoot()) {
            command.add("--no-sandbox"); // Chromium refuses to start as root with its sandbox
        }
        command.add("about:blank");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("TMPDIR", profile.resolve("tmp").toString());
        builder.environment().put("XDG_CONFIG_HOME", profile.resolve("config").toString());
        builder.environment().put("XDG_CACHE_HOME", profile.resolve("cache").toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            deleteTree(profile);
            throw new IOException("could not start " + browser + ": " + e.getMessage(), e);
        }
        CompletableFuture<URI> endpoint = new CompletableFuture<>();
        drain(process, endpoint);
        try {
            URI uri = endpoint.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            BrowserProcess started = new BrowserProcess(process, profile, uri);
            started.refreshTree();
            return started;
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            new BrowserProcess(process, profile, null).kill();
            String why = e instanceof ExecutionException ? e.getCause().getMessage()
                    : e instanceof TimeoutException ? "no DevTools endpoint within " + timeout.toSeconds() + " s" : "interrupted";
            throw new IOException(browser + " did not start: " + why);
        }
    }

    /**
     * Reads stderr on a platform daemon thread of its own until the process ends: the endpoint line
     * completes {@code endpoint}, and the rest is drained (a full pipe would stop the browser).
     */
    private static void drain(Process process, CompletableFuture<URI> endpoint) {
        Thread.ofPlatform().name("trawl-chromium-stderr-" + process.pid()).daemon(true).start(() -> {
            ArrayDeque<String> tail = new ArrayDeque<>();
            try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = err.readLine()) != null; ) {
                    if (!endpoint.isDone()) {
                        int at = line.indexOf(LISTENING);
                        if (at >= 0) {
                            endpoint.complete(URI.create(line.substring(at + LISTENING.length()).trim()));
                        } else {
                            tail.addLast(line);
                            if (tail.size() > STDERR_TAIL) {
                                tail.removeFirst();
                            }
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the process is gone; fall through
            }
            endpoint.completeExceptionally(new IOException("it exited before listening"
                    + (tail.isEmpty() ? "" : ": " + String.join(" | ", tail))));
        });
    }

    public URI endpoint() {
        return endpoint;
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** The browser and every process under it now (remembered, for {@link #kill}). */
    public List<ProcessHandle> refreshTree() {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        process.toHandle().descendants().forEach(tree::add);
        seen.removeIf(p -> !p.isAlive());
        seen.addAll(tree);
        return tree;
    }

    /**
     * Kills the browser, every process of its tree (seen now or earlier: children of a dead browser
     * are no longer its descendants) and any process that names its profile (the crash handler is
     * not a child), waits for them, and deletes the profile directory.
     */
    public void kill() {
        Set<ProcessHandle> victims = new LinkedHashSet<>();
        victims.add(process.toHandle());
        process.toHandle().descendants().forEach(victims::add);
        victims.addAll(seen);
        String mark = profile.toString();
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            all.filter(p -> p.info().arguments().map(args -> String.join(" ", args).contains(mark)).orElse(false)
                            || p.info().commandLine().map(line -> line.contains(mark)).orElse(false))
                    .forEach(victims::add);
        }
        victims.remove(ProcessHandle.current());

        victims.forEach(ProcessHandle::destroyForcibly);
        // A killed grandchild is a zombie until init reaps it (here: about a second later), and a zombie
        // is "alive" to ProcessHandle: wait until each has exited, zombie or gone, looking every 10 ms.
        long until = System.nanoTime() + KILL_WAIT_NANOS;
        while (victims.stream().anyMatch(ProcTree::running) && System.nanoTime() < until) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        deleteTree(profile);
    }

    private static boolean runningAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | RuntimeException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Deletes profile directories whose JVM no longer runs (a JVM killed before it could). */
    private static void deleteStaleProfiles() {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> entries = Files.list(temp)) {
            entries.filter(p -> p.getFileName().toString().startsWith(DIR_PREFIX)).forEach(dir -> {
                String rest = dir.getFileName().toString().substring(DIR_PREFIX.length());
                int dash = rest.indexOf('-');
                try {
                    long pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        return;
                    }
                } catch (NumberFormatException e) {
                    return; // not one of ours
                }
                deleteTree(dir);
            });
        } catch (IOException | RuntimeException e) {
            // an unreadable temp directory: nothing to clean
        }
    }

    static void deleteTree(Path dir) {
        for (int attempt = 0; attempt < 3 && Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS); attempt++) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        // retried below: a dying process may still be writing
                    }
                });
            } catch (IOException | RuntimeException e) {
                // retried
            }
        }
    }
}
