package dev.trawl.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists the live threads trawl made — virtual ones included, which Thread.getAllStackTraces
 * does not show — from the JVM's own JSON thread dump. Threads get a moment to finish ending.
 */
final class ThreadCheck {
    private ThreadCheck() {}

    static List<String> liveTrawlThreads() throws Exception {
        List<String> live = List.of();
        for (int i = 0; i < 50; i++) {
            live = liveNow();
            if (live.isEmpty()) {
                return live;
            }
            Thread.sleep(20);
        }
        return live;
    }

    /** One immediate look, without waiting for threads to end. */
    static List<String> liveNow() throws Exception {
        Path file = Files.createTempFile("threads", ".json");
        Files.delete(file);
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            List<String> found = new ArrayList<>();
            for (JsonNode container : root.path("threadDump").path("threadContainers")) {
                for (JsonNode t : container.path("threads")) {
                    String name = t.path("name").asText();
                    String stack = t.path("stack").toString();
                    boolean ours = name.startsWith("trawl-") || stack.contains("dev.trawl.internal.")
                            || stack.contains("org.apache.hc.") || stack.contains("jdk.internal.net.http");
                    if (ours && t.path("tid").asLong() != Thread.currentThread().threadId()) {
                        found.add(name + " " + t.path("virtual").asText() + " " + stack);
                    }
                }
            }
            return found;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
