package io.cacheguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * Another agent's classes are left alone, whichever agent starts first. Regression (issue 18): with
 * cacheguard first, the OpenTelemetry Java agent's Byte Buddy field
 * {@code Implementation$Context$Default.registeredFieldCacheEntries} was patched, and its other
 * cache fields reported safe. The real agent runs with every exporter off, so it needs no network.
 */
class OtherAgentsIT {
    private static final String HOST_CACHE = "io.cacheguard.it.fixtures.agents.GreetingCache.CACHE";

    /**
     * Every class the other agent loads passes through our transformer, its instrumentations or not:
     * they are off here, which halves the run (about 5 s instead of 11) and still loads the Byte Buddy
     * class of the regression.
     */
    @Test
    void openTelemetryLoadedAfterCacheguardIsLeftAlone() throws Exception {
        Path report = Files.createTempFile("cacheguard-otel-after", ".jsonl");
        ChildJvm.Result result = run(cacheguard(report), "-javaagent:" + otelAgent(),
                "-Dotel.instrumentation.common.default-enabled=false");
        assertOnlyTheHostIsTouched(result, report);
    }

    /**
     * The other agent's start-up is over before ours begins; what it loads later comes from
     * instrumenting the host, so its instrumentations stay on.
     */
    @Test
    void openTelemetryLoadedBeforeCacheguardIsLeftAlone() throws Exception {
        Path report = Files.createTempFile("cacheguard-otel-before", ".jsonl");
        ChildJvm.Result result = run("-javaagent:" + otelAgent(), cacheguard(report));
        assertOnlyTheHostIsTouched(result, report);
    }

    private static void assertOnlyTheHostIsTouched(ChildJvm.Result result, Path report) throws IOException {
        try {
            assertEquals(0, result.exitCode, result::toString);
            assertTrue(result.stdout.contains("greetings 500 of 500"), result::toString);
            ReportFile events = ReportFile.read(report);
            assertTrue(events.patchedFields().contains(HOST_CACHE), () -> events.events + "\n" + result);
            assertEquals(Set.of(), classesOf(events, otelClasses()), () -> events.events + "\n" + result);
        } finally {
            Files.deleteIfExists(report);
        }
    }

    private static ChildJvm.Result run(String... agentsAndOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(agentsAndOptions));
        command.addAll(List.of("-Dotel.traces.exporter=none", "-Dotel.metrics.exporter=none",
                "-Dotel.logs.exporter=none", "-cp", ChildJvm.testClasspath(),
                "io.cacheguard.it.fixtures.agents.GreetingCache"));
        return ChildJvm.run(command.toArray(new String[0]));
    }

    private static String cacheguard(Path report) {
        return "-javaagent:" + ChildJvm.agentJar() + "=report=" + report;
    }

    private static Path otelAgent() {
        Path jar = Paths.get(System.getProperty("cacheguard.otherAgents", "target/other-agents"))
                .resolve("opentelemetry-javaagent.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("OpenTelemetry agent not copied: " + jar + " (run mvn verify)");
        }
        return jar;
    }

    /** Every class the OpenTelemetry jar holds: its own, and those its loader reads from {@code inst/}. */
    private static Set<String> otelClasses() throws IOException {
        Set<String> classes = new HashSet<>();
        try (JarFile jar = new JarFile(otelAgent().toFile())) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
                String name = entries.nextElement().getName();
                String stem = name.endsWith(".class") ? name.substring(0, name.length() - ".class".length())
                        : name.endsWith(".classdata") ? name.substring(0, name.length() - ".classdata".length()) : null;
                if (stem != null) {
                    classes.add((stem.startsWith("inst/") ? stem.substring("inst/".length()) : stem).replace('/', '.'));
                }
            }
        }
        return classes;
    }

    /** The classes among {@code candidates} that any event of the report names. */
    private static Set<String> classesOf(ReportFile report, Set<String> candidates) {
        Set<String> named = new TreeSet<>();
        for (Map<String, Object> event : report.events) {
            List<String> classes = new ArrayList<>();
            if (event.get("class") instanceof String) {
                classes.add((String) event.get("class"));
            }
            if (event.get("field") instanceof String && !event.containsKey("class")) {
                String field = (String) event.get("field"); // Class.field
                classes.add(field.substring(0, Math.max(0, field.lastIndexOf('.'))));
            }
            for (String name : classes) {
                if (candidates.contains(name)) {
                    named.add(event.get("event") + " " + name);
                }
            }
        }
        return named;
    }
}
