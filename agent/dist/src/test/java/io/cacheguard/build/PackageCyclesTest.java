package io.cacheguard.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cacheguard.agent.CacheguardAgent;
import io.cacheguard.agent.cli.Main;
import io.cacheguard.agent.runtime.Guards;
import io.cacheguard.agent.runtime.detector.RaceDetector;
import io.cacheguard.it.ConstantPoolTypes;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;

/**
 * The agent's packages depend on each other in one direction only: no package reaches, through
 * any chain of references, back to itself. Read from the compiled classes of every module, so a
 * cycle fails the build the day it is written (the modules already keep the class-loader seam).
 */
class PackageCyclesTest {
    private static final String ROOT = "io/cacheguard/agent";

    @Test
    void theAgentsPackagesFormNoCycle() throws Exception {
        Map<String, Set<String>> edges = packageGraph();
        assertTrue(edges.size() >= 10, edges::toString); // read something: every package of the agent
        assertEquals(List.of(), cycles(edges), () -> "package dependencies: " + edges);
    }

    /** Package → the other agent packages its classes refer to. */
    private static Map<String, Set<String>> packageGraph() throws Exception {
        Map<String, Set<String>> edges = new TreeMap<>();
        for (Class<?> module : List.of(Guards.class, RaceDetector.class, CacheguardAgent.class, Main.class)) {
            Path location = Path.of(module.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (byte[] classFile : classFiles(location)) {
                ClassReader reader = new ClassReader(classFile);
                String from = packageOf(reader.getClassName());
                Set<String> targets = edges.computeIfAbsent(from, p -> new TreeSet<>());
                for (String type : ConstantPoolTypes.referencedTypes(reader)) {
                    String to = packageOf(type);
                    if (to.startsWith(ROOT) && !to.equals(from)) {
                        targets.add(to);
                    }
                }
            }
        }
        return edges;
    }

    private static List<byte[]> classFiles(Path location) throws IOException {
        List<byte[]> classes = new ArrayList<>();
        if (Files.isDirectory(location)) {
            collect(location, classes);
        } else {
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                collect(jar.getPath("/"), classes);
            }
        }
        return classes;
    }

    private static void collect(Path root, List<byte[]> classes) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.toString().endsWith(".class") && !file.getFileName().toString().equals("module-info.class")) {
                    classes.add(Files.readAllBytes(file));
                }
            }
        }
    }

    private static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash);
    }

    /** Each cycle found by a depth-first walk, as the packages on it. */
    private static List<List<String>> cycles(Map<String, Set<String>> edges) {
        List<List<String>> found = new ArrayList<>();
        Map<String, Integer> state = new HashMap<>(); // 1: on the current path, 2: done
        for (String start : edges.keySet()) {
            walk(start, edges, state, new ArrayDeque<>(), found);
        }
        return found;
    }

    private static void walk(String node, Map<String, Set<String>> edges, Map<String, Integer> state,
                             Deque<String> path, List<List<String>> found) {
        Integer seen = state.get(node);
        if (seen != null) {
            if (seen == 1) {
                List<String> cycle = new ArrayList<>();
                for (String step : (Iterable<String>) path::descendingIterator) {
                    if (!cycle.isEmpty() || step.equals(node)) {
                        cycle.add(step);
                    }
                }
                cycle.add(node);
                found.add(cycle);
            }
            return;
        }
        state.put(node, 1);
        path.push(node);
        for (String next : edges.getOrDefault(node, Set.of())) {
            walk(next, edges, state, path, found);
        }
        path.pop();
        state.put(node, 2);
    }
}
