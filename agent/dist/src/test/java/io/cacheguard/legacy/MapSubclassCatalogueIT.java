package io.cacheguard.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.cacheguard.it.ChildJvm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fields declared as the application's own map class ({@link MapSubclassCatalogue}'s shapes), under
 * the real shaded agent: no wrapper can stand in for one, so the agent guards the class itself as it
 * loads. Before, each such field was reported as skipped and the caches broke as without the agent.
 * Measured on 2 cores, JDK 17: without the agent the catalogue broke in 10 of 10 runs (round 1, the
 * first shape's LRU bound); with it 10 of 10 runs were clean, and 3 of 3 on JDK 25. Each shape on its
 * own (the driver's argument) without the agent: every one broke in 3 of 3 runs, mostly in round 1
 * (lost counts, the bound exceeded, evictions counted twice, 512 entries for 256 weak keys), but
 * the read-write-locked LRU, which broke in 4 of 5 (rounds 2 to 7).
 */
class MapSubclassCatalogueIT {
    private static final int RUNS_WITHOUT_AGENT = 3;
    private static final Pattern CLASS = Pattern.compile("\"class\":\"([^\"]+)\"");
    private static final Pattern FIELD = Pattern.compile("\"field\":\"([^\"]+)\"");

    @TempDir
    Path reports;

    @Test
    void theShapesBreakWithoutTheAgent() throws Exception {
        List<String> runs = new ArrayList<>();
        for (int run = 0; run < RUNS_WITHOUT_AGENT; run++) {
            ChildJvm.Result result = ChildJvm.run("-cp", ChildJvm.testClasspath(), MapSubclassCatalogue.class.getName());
            runs.add(result.toString());
            if (result.stdout.contains("RESULT " + MapSubclassCatalogue.NAME + " BROKEN ")) {
                return;
            }
        }
        fail("the catalogue did not break in " + RUNS_WITHOUT_AGENT + " runs without the agent:\n" + String.join("\n", runs));
    }

    @Test
    void everyShapeIsGuardedInItself() throws Exception {
        Path report = reports.resolve("catalogue.jsonl");
        ChildJvm.Result result = ChildJvm.run("-javaagent:" + ChildJvm.agentJar() + "=report=" + report,
                "-cp", ChildJvm.testClasspath(), MapSubclassCatalogue.class.getName());
        assertTrue(result.stdout.contains("RESULT " + MapSubclassCatalogue.NAME + " OK"), result::toString);
        assertEquals(RaceResult.OK, result.exitCode, result::toString);
        List<String> events = Files.readAllLines(report, StandardCharsets.UTF_8);
        assertEquals(new TreeSet<>(MapSubclassCatalogue.PATCHED_FIELDS), fields(events, "patched"),
                () -> String.join("\n", events));
        for (String event : events) {
            if (event.contains("\"event\":\"patched\"")) {
                assertTrue(event.contains("itself is guarded when it loads"), event);
            }
            assertFalse(event.contains("\"event\":\"error\""), event);
        }
        for (String guarded : MapSubclassCatalogue.GUARDED_CLASSES) {
            assertTrue(result.stderr.contains("guarded " + guarded + " itself"), () -> guarded + "\n" + result);
        }
    }

    /** Mode detect can track only a map a wrapper stands in for, and says so rather than claiming to watch them. */
    @Test
    void modeDetectSkipsThemWithTheReason() throws Exception {
        Path report = reports.resolve("catalogue-detect.jsonl");
        ChildJvm.Result result = ChildJvm.run("-javaagent:" + ChildJvm.agentJar() + "=mode=detect,report=" + report,
                "-cp", ChildJvm.testClasspath(), MapSubclassCatalogue.class.getName());
        List<String> events = Files.readAllLines(report, StandardCharsets.UTF_8);
        assertEquals(new TreeSet<>(MapSubclassCatalogue.PATCHED_FIELDS), fields(events, "skipped"),
                () -> result + String.join("\n", events));
        assertEquals(Set.of(), fields(events, "tracked"), () -> String.join("\n", events));
        for (String event : events) {
            if (event.contains("\"event\":\"skipped\"")) {
                assertTrue(event.contains("mode=detect only watches"), event);
            }
        }
        assertFalse(result.stderr.contains(" itself: every map operation"), result::toString);
    }

    private static Set<String> fields(List<String> events, String kind) {
        Set<String> fields = new TreeSet<>();
        for (String event : events) {
            if (event.contains("\"event\":\"" + kind + "\"")) {
                Matcher owner = CLASS.matcher(event);
                Matcher field = FIELD.matcher(event);
                assertTrue(owner.find() && field.find(), event);
                fields.add(owner.group(1) + "." + field.group(1));
            }
        }
        return fields;
    }
}
