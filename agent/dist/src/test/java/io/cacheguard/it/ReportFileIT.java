package io.cacheguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
