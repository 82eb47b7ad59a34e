package io.cacheguard.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.cacheguard.it.ChildJvm;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cache races recorded in the bug trackers of released libraries, run as the libraries shipped
 * them: each driver breaks the library in a child JVM without the agent, and runs clean under the
 * real shaded agent with its default selection, whose report names exactly the racy fields.
 * Code nobody on the team wrote is the real test of the analysis and the swap.
 *
 * <p>Without the agent a run is retried a few times, since a race is a matter of chance; with it
 * every run must be clean. Measured on 2 cores, JDK 17, 20 runs without and 10 with the agent per
 * driver: BEANUTILS-318 hung in 20 of 20 (in round 2 to 36 of 250), indriya #371 threw in 20 of 20
 * (round 1 to 4 of 300), jsonrpc4j #83 lost entries in 20 of 20 (round 1, 4, 7 or 13: the rounds
 * in which the map resizes), querydsl #341 lost entries in 20 of 20 (round 1 to 7 of 100, 11 times in
 * round 1); with the agent 10 of 10 clean for each. jackson-databind #503 outgrew its LRU bound in 30 of
 * 30 (round 1 to 45 of up to 500, each run under 1 s); with the agent, which guards its map class
 * {@code LRUMap} itself, 10 of 10 clean (404 to 500 rounds in the driver's 8 s budget).
 */
class LegacyLibraryRacesIT {
    /** Runs tried without the agent before a driver counts as not reproducing its race. */
    private static final int RUNS_WITHOUT_AGENT = 3;
    /** Runs with the agent, every one of which must be clean. */
    private static final int RUNS_WITH_AGENT = 3;
    private static final Pattern CLASS = Pattern.compile("\"class\":\"([^\"]+)\"");
    private static final Pattern FIELD = Pattern.compile("\"field\":\"([^\"]+)\"");

    @TempDir
    Path reports;

    @Test
    void beanUtils170MethodCacheHangsWithoutTheAgent() throws Exception {
        assertBreaksWithoutAgent(BeanUtilsMethodCacheRace.class, BeanUtilsMethodCacheRace.NAME, beanUtilsClasspath());
    }

    @Test
    void beanUtils170MethodCacheIsGuardedByTheAgent() throws Exception {
        assertCleanWithAgent(BeanUtilsMethodCacheRace.class, BeanUtilsMethodCacheRace.NAME, beanUtilsClasspath(),
                Set.of(BeanUtilsMethodCacheRace.PATCHED_FIELD));
    }

    @Test
    void indriya213PiCacheThrowsWithoutTheAgent() throws Exception {
        assertBreaksWithoutAgent(IndriyaPiCacheRace.class, IndriyaPiCacheRace.NAME, indriyaClasspath());
    }

    @Test
    void indriya213PiCacheIsGuardedByTheAgent() throws Exception {
        assertCleanWithAgent(IndriyaPiCacheRace.class, IndriyaPiCacheRace.NAME, indriyaClasspath(),
                Set.of(IndriyaPiCacheRace.PATCHED_FIELD));
    }

    @Test
    void jsonRpc4j11MethodCacheLosesEntriesWithoutTheAgent() throws Exception {
        assertBreaksWithoutAgent(JsonRpc4jMethodCacheRace.class, JsonRpc4jMethodCacheRace.NAME, jsonRpc4jClasspath());
    }

    /** All four ReflectionUtil caches, the four maps the upstream fix made concurrent, and no other field. */
    @Test
    void jsonRpc4j11MethodCacheIsGuardedByTheAgent() throws Exception {
        assertCleanWithAgent(JsonRpc4jMethodCacheRace.class, JsonRpc4jMethodCacheRace.NAME, jsonRpc4jClasspath(),
                JsonRpc4jMethodCacheRace.PATCHED_FIELDS);
    }

    @Test
    void querydsl290TemplateCacheLosesEntriesWithoutTheAgent() throws Exception {
        assertBreaksWithoutAgent(QuerydslTemplateCacheRace.class, QuerydslTemplateCacheRace.NAME, querydslClasspath());
    }

    /** An instance field: one patched event for the field, whichever factories hold a map. */
    @Test
    void querydsl290TemplateCacheIsGuardedByTheAgent() throws Exception {
        assertCleanWithAgent(QuerydslTemplateCacheRace.class, QuerydslTemplateCacheRace.NAME, querydslClasspath(),
                Set.of(QuerydslTemplateCacheRace.PATCHED_FIELD));
    }

    @Test
    void jacksonDatabind241TypeCacheOutgrowsItsBoundWithoutTheAgent() throws Exception {
        assertBreaksWithoutAgent(JacksonTypeCacheRace.class, JacksonTypeCacheRace.NAME, jacksonClasspath());
    }

    /** An instance field declared as LRUMap, a LinkedHashMap subclass in access order. */
    @Test
    void jacksonDatabind241TypeCacheIsGuardedByTheAgent() throws Exception {
        assertCleanWithAgent(JacksonTypeCacheRace.class, JacksonTypeCacheRace.NAME, jacksonClasspath(),
                Set.of(JacksonTypeCacheRace.PATCHED_FIELD));
    }

    @Test
    void beanUtils170MethodCacheRaceIsReportedInModeDetect() throws Exception {
        assertRacesReported(BeanUtilsMethodCacheRace.class, BeanUtilsMethodCacheRace.NAME, beanUtilsClasspath(),
                Set.of(BeanUtilsMethodCacheRace.PATCHED_FIELD));
    }

    @Test
    void indriya213PiCacheRaceIsReportedInModeDetect() throws Exception {
        assertRacesReported(IndriyaPiCacheRace.class, IndriyaPiCacheRace.NAME, indriyaClasspath(),
                Set.of(IndriyaPiCacheRace.PATCHED_FIELD));
    }

    @Test
    void jsonRpc4j11MethodCacheRaceIsReportedInModeDetect() throws Exception {
        assertRacesReported(JsonRpc4jMethodCacheRace.class, JsonRpc4jMethodCacheRace.NAME, jsonRpc4jClasspath(),
                JsonRpc4jMethodCacheRace.PATCHED_FIELDS);
    }

    @Test
    void querydsl290TemplateCacheRaceIsReportedInModeDetect() throws Exception {
        assertRacesReported(QuerydslTemplateCacheRace.class, QuerydslTemplateCacheRace.NAME, querydslClasspath(),
                Set.of(QuerydslTemplateCacheRace.PATCHED_FIELD));
    }

    /**
     * Mode detect watches a map through a tracking wrapper, and none can stand in for an LRUMap: the
     * field is reported skipped, with that reason, rather than claimed to be watched.
     */
    @Test
    void jacksonDatabind241TypeCacheIsSkippedWithTheReasonInModeDetect() throws Exception {
        Path report = reports.resolve("jackson-detect.jsonl");
        ChildJvm.Result result = ChildJvm.run(
                "-javaagent:" + ChildJvm.agentJar() + "=mode=detect,report=" + report,
                "-cp", jacksonClasspath(), JacksonTypeCacheRace.class.getName());
        List<String> events = Files.readAllLines(report, StandardCharsets.UTF_8);
        List<String> skipped = events.stream().filter(e -> e.contains("\"event\":\"skipped\"")
                && e.contains("\"field\":\"_typeCache\"")).toList();
        assertEquals(1, skipped.size(), () -> result + "\nreport:\n" + String.join("\n", events));
        assertTrue(skipped.get(0).contains("mode=detect only watches"), skipped.get(0));
    }

    private static String beanUtilsClasspath() throws Exception {
        return classpath(org.apache.commons.beanutils.MethodUtils.class, org.apache.commons.logging.LogFactory.class);
    }

    private static String indriyaClasspath() throws Exception {
        return classpath(tech.units.indriya.function.Calculus.class, javax.measure.UnitConverter.class,
                tech.uom.lib.common.function.IntExponentSupplier.class);
    }

    private static String jsonRpc4jClasspath() throws Exception {
        return classpath(com.googlecode.jsonrpc4j.ReflectionUtil.class);
    }

    private static String querydslClasspath() throws Exception {
        return classpath(com.mysema.query.types.TemplateFactory.class, com.google.common.base.Function.class);
    }

    /**
     * jackson-databind 2.4.1 and the jackson-core 2.4.1 its types extend, the only Jackson on the test
     * class path; TypeFactory needs no jackson-annotations.
     */
    private static String jacksonClasspath() throws Exception {
        return classpath(com.fasterxml.jackson.databind.type.TypeFactory.class,
                com.fasterxml.jackson.core.type.ResolvedType.class);
    }

    private static void assertBreaksWithoutAgent(Class<?> driver, String name, String classpath) throws Exception {
        List<String> runs = new ArrayList<>();
        for (int run = 0; run < RUNS_WITHOUT_AGENT; run++) {
            ChildJvm.Result result = ChildJvm.run("-cp", classpath, driver.getName());
            String line = resultLine(result);
            runs.add(result.toString());
            if (line.startsWith("RESULT " + name + " BROKEN ")) {
                assertTrue(result.exitCode == RaceResult.BROKEN || result.exitCode == RaceResult.HUNG,
                        result::toString);
                return;
            }
            assertEquals("RESULT " + name + " OK", line, result::toString);
        }
        fail(name + " did not break in " + RUNS_WITHOUT_AGENT + " runs without the agent:\n" + String.join("\n", runs));
    }

    private void assertCleanWithAgent(Class<?> driver, String name, String classpath, Set<String> expectedPatched)
            throws Exception {
        for (int run = 0; run < RUNS_WITH_AGENT; run++) {
            Path report = reports.resolve(name.replaceAll("\\W", "_") + "-" + run + ".jsonl");
            ChildJvm.Result result = ChildJvm.run(
                    "-javaagent:" + ChildJvm.agentJar() + "=report=" + report,
                    "-cp", classpath, driver.getName());
            assertEquals("RESULT " + name + " OK", resultLine(result), result::toString);
            assertEquals(RaceResult.OK, result.exitCode, result::toString);
            List<String> events = Files.readAllLines(report, StandardCharsets.UTF_8);
            assertEquals(new TreeSet<>(expectedPatched), patchedFields(events),
                    () -> "report:\n" + String.join("\n", events));
            assertFalse(events.stream().anyMatch(e -> e.contains("\"event\":\"error\"")),
                    () -> "report:\n" + String.join("\n", events));
        }
    }

    /**
     * Mode detect leaves the library racy (it may even hang, as without the agent), and reports, as
     * they happen, races on fields its upstream fix changed and on no other.
     */
    private void assertRacesReported(Class<?> driver, String name, String classpath, Set<String> fixedUpstream)
            throws Exception {
        Path report = reports.resolve(name.replaceAll("\\W", "_") + "-detect.jsonl");
        ChildJvm.Result result = ChildJvm.run(
                "-javaagent:" + ChildJvm.agentJar() + "=mode=detect,report=" + report,
                "-cp", classpath, driver.getName());
        List<String> events = Files.readAllLines(report, StandardCharsets.UTF_8);
        Set<String> raced = new TreeSet<>();
        for (String event : events) {
            if (event.contains("\"event\":\"race\"")) {
                Matcher owner = CLASS.matcher(event);
                Matcher field = FIELD.matcher(event);
                assertTrue(owner.find() && field.find(), event);
                raced.add(owner.group(1) + "." + field.group(1));
                assertTrue(event.contains("\"earlier\":{") && event.contains("\"later\":{"), event);
            }
        }
        assertFalse(raced.isEmpty(), () -> result + "\nreport:\n" + String.join("\n", events));
        assertTrue(fixedUpstream.containsAll(raced), () -> "raced " + raced + ", fixed upstream " + fixedUpstream);
    }

    /** The Class.field names of the report's patched events. */
    private static Set<String> patchedFields(List<String> events) {
        Set<String> fields = new TreeSet<>();
        for (String event : events) {
            if (!event.contains("\"event\":\"patched\"")) {
                continue;
            }
            Matcher owner = CLASS.matcher(event);
            Matcher field = FIELD.matcher(event);
            assertTrue(owner.find() && field.find(), () -> "patched event without class and field: " + event);
            fields.add(owner.group(1) + "." + field.group(1));
        }
        return fields;
    }

    /** The driver's last stdout line, which must be its RESULT line. */
    private static String resultLine(ChildJvm.Result result) {
        String[] lines = result.stdout.strip().split("\\R");
        String last = lines[lines.length - 1];
        assertTrue(last.startsWith("RESULT "), result::toString);
        return last;
    }

    /** The test classes and the jars the given library classes came from, as the child's class path. */
    private static String classpath(Class<?>... libraryClasses) throws Exception {
        List<String> entries = new ArrayList<>();
        entries.add(ChildJvm.testClasspath());
        for (Class<?> type : libraryClasses) {
            entries.add(Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        return String.join(File.pathSeparator, entries);
    }
}
