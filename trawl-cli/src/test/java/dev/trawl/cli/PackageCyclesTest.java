package dev.trawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * trawl's packages form no cycle (DESIGN.md, invariant 9): jdeps reads the compiled classes of every module and
 * each strongly connected set of more than one package is named.
 */
class PackageCyclesTest {
    private static final Pattern EDGE = Pattern.compile("^\\s+(dev\\.trawl[\\w.]*)\\s+->\\s+(dev\\.trawl[\\w.]*)\\s");

    @Test
    void noPackageDependsOnItselfThroughOthers() throws Exception {
        Map<String, Set<String>> graph = packageGraph();
        assertTrue(graph.size() > 20, "jdeps found only " + graph.keySet());
        List<Set<String>> cycles = stronglyConnected(graph).stream().filter(c -> c.size() > 1).toList();
        assertEquals(List.of(), cycles, "package cycles");
    }

    @Test
    void theCheckFindsACycle() {
        Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        assertEquals(List.of(Set.of("a", "b", "c")), stronglyConnected(graph).stream().filter(c -> c.size() > 1).toList());
    }

    /** Package → the trawl packages it uses, from jdeps over the modules' classes. */
    static Map<String, Set<String>> packageGraph() throws URISyntaxException {
        List<String> inputs = new ArrayList<>();
        for (Class<?> c : List.of(dev.trawl.Trawl.class, dev.trawl.postgres.PostgresCrawlStore.class, Main.class,
                dev.trawl.demoshop.DemoShop.class)) {
            inputs.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        // Packaged as modular jars (mvn verify), the modules' own requirements must be found: the rest of the class path.
        String modulePath = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !inputs.contains(entry)).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        List<String> args = new ArrayList<>(List.of("--multi-release", "25", "--module-path", modulePath, "-verbose:package", "-filter:none", "-e", "dev\\.trawl\\..*"));
        args.addAll(inputs);
        StringWriter out = new StringWriter();
        int rc = ToolProvider.findFirst("jdeps").orElseThrow().run(new PrintWriter(out), new PrintWriter(out), args.toArray(String[]::new));
        assertEquals(0, rc, out.toString());
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            Matcher m = EDGE.matcher(line);
            if (m.find()) {
                graph.computeIfAbsent(m.group(1), k -> new TreeSet<>());
                graph.computeIfAbsent(m.group(2), k -> new TreeSet<>());
                if (!m.group(1).equals(m.group(2))) {
                    graph.get(m.group(1)).add(m.group(2));
                }
            }
        }
        return graph;
    }

    /** Tarjan's strongly connected components. */
    static List<Set<String>> stronglyConnected(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new java.util.HashSet<>();
        List<Set<String>> out = new ArrayList<>();
        for (String v : new TreeSet<>(graph.keySet())) {
            if (!index.containsKey(v)) {
                visit(v, graph, index, low, stack, onStack, out);
            }
        }
        return out;
    }

    private static void visit(String v, Map<String, Set<String>> graph, Map<String, Integer> index, Map<String, Integer> low,
                              Deque<String> stack, Set<String> onStack, List<Set<String>> out) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                visit(w, graph, index, low, stack, onStack, out);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            out.add(component);
        }
    }
}
