package io.cacheguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report is written as events happen: a JVM killed with SIGKILL still leaves them on disk. */
class ReportFileIT {
    @TempDir
    Path temp;

    @Test
    void eventsSurviveKillNine() throws Exception {
        Path report = temp.resolve("nested/dir/report.jsonl");
        Process process = new ProcessBuilder(ChildJvm.java().toString(),
                "-javaagent:" + ChildJvm.agentJar() + "=report=" + report,
                "-cp", ChildJvm.testClasspath(),
                "io.cacheguard.it.fixtures.LongRunningCacheApp")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("running", out.readLine()); // the patched class has run: its events are out
        } finally {
            process.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        }
        List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8);
        ReportFile events = ReportFile.read(report); // every line is one JSON object
        assertEquals("start", events.events.get(0).get("event"), lines::toString);
        assertEquals(java.util.Set.of("io.cacheguard.it.fixtures.LongRunningCacheApp.CACHE"), events.patchedFields(),
                lines::toString);
        assertEquals(0, events.events("summary").size(), "a killed JVM writes no summary");
    }

    @Test
    void aNormalExitEndsWithTheSummary() throws Exception {
        Path report = temp.resolve("report.jsonl");
        ChildJvm.Result result = ChildJvm.run(
                "-javaagent:" + ChildJvm.agentJar() + "=report=" + report,
                "-cp", ChildJvm.testClasspath(),
                "io.cacheguard.it.fixtures.loaders.LoaderLayoutsApp", "system");
        assertEquals(0, result.exitCode, result::toString);
        List<Map<String, Object>> events = ReportFile.read(report).events;
        Map<String, Object> last = events.get(events.size() - 1);
        assertEquals("summary", last.get("event"), events::toString);
        assertEquals(1L, last.get("patched"), events::toString);
    }

    /**
     * Regression: in mode detect the summary counted racy fields as {@code patched}, though none
     * is patched there; they are {@code tracked}. In mode both a patched field is tracked too.
     */
    @Test
    void theSummaryCountsTrackedFieldsApartFromPatchedOnes() throws Exception {
        Map<String, Object> detect = summaryOf("mode=detect", "io.cacheguard.it.fixtures.loaders.LoaderLayoutsApp", "system");
        assertEquals(0L, detect.get("patched"), detect::toString);
        assertEquals(1L, detect.get("tracked"), detect::toString);
        Map<String, Object> both = summaryOf("mode=both", "io.cacheguard.it.fixtures.loaders.LoaderLayoutsApp", "system");
        assertEquals(1L, both.get("patched"), both::toString);
        assertEquals(1L, both.get("tracked"), both::toString);
        Map<String, Object> patch = summaryOf("mode=patch", "io.cacheguard.it.fixtures.loaders.LoaderLayoutsApp", "system");
        assertEquals(1L, patch.get("patched"), patch::toString);
        assertEquals(0L, patch.get("tracked"), patch::toString);
    }

    /** Regression: a class whose only rewrite was its synchronization was not counted as transformed. */
    @Test
    void classesRewrittenOnlyForTheirSynchronizationCountAsTransformed() throws Exception {
        Map<String, Object> summary = summaryOf("mode=detect", "io.cacheguard.it.fixtures.SynchronizedCounterApp");
        assertEquals(1L, summary.get("classesTransformed"), summary::toString);
    }

    /**
     * A race with deep stacks is one report line of tens of kilobytes, whole and parsable, with
     * {@code stackDepth} frames per access. (That it leaves in one write call, so a kill cannot
     * tear it, is EventReportTest's: a child JVM's system calls are not observable here.)
     */
    @Test
    void aRaceEventOverEightKilobytesIsOneWholeLine() throws Exception {
        Path report = temp.resolve("deep.jsonl");
        ChildJvm.Result result = ChildJvm.run(
                "-javaagent:" + ChildJvm.agentJar() + "=mode=detect,stackDepth=250,report=" + report,
                "-cp", ChildJvm.testClasspath(),
                "io.cacheguard.it.fixtures.DeepStackRaceApp", "300");
        assertEquals(0, result.exitCode, result::toString);
        List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8);
        String raceLine = lines.stream().filter(line -> line.startsWith("{\"event\":\"race\"")).findFirst()
                .orElseThrow(() -> new AssertionError("no race event: " + result));
        assertTrue(raceLine.length() > 8192, "the race line is " + raceLine.length() + " bytes");
        List<Map<String, Object>> races = ReportFile.read(report).events("race");
        assertFalse(races.isEmpty(), result::toString);
        for (Map<String, Object> race : races) {
            for (String access : List.of("earlier", "later")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> site = (Map<String, Object>) race.get(access);
                assertEquals(250, ((List<?>) site.get("stack")).size(), access);
            }
        }
    }

    private Map<String, Object> summaryOf(String options, String... main) throws Exception {
        Path report = Files.createTempFile(temp, "report", ".jsonl");
        Files.delete(report);
        List<String> command = new java.util.ArrayList<>(List.of("-javaagent:" + ChildJvm.agentJar() + "=" + options
                + ",report=" + report, "-cp", ChildJvm.testClasspath()));
        command.addAll(List.of(main));
        ChildJvm.Result result = ChildJvm.run(command.toArray(new String[0]));
        assertEquals(0, result.exitCode, result::toString);
        List<Map<String, Object>> events = ReportFile.read(report).events;
        Map<String, Object> last = events.get(events.size() - 1);
        assertEquals("summary", last.get("event"), events::toString);
        return last;
    }
}
