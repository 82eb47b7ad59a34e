package io.cacheguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 4: a {@code targets} or {@code includes} entry that matches nothing (a typo, a
 * nested class written with a dot) used to go unnoticed, the field it meant left racy. At exit the
 * agent names each such entry once on its log and lists them in the summary event; entries that
 * matched are not named.
 */
class UnmatchedSelectionIT {
    private static final String TYPO = "io.cacheguard.samples.field.TokenCahce";
    private static final String FIELD = "io.cacheguard.samples.field.TokenCache.cache";

    @TempDir
    Path temp;

    @Test
    void entriesThatMatchedNothingAreNamedOnceAtExit() throws Exception {
        Path report = temp.resolve("report.jsonl");
        ChildJvm.Result result = ChildJvm.run("-javaagent:" + ChildJvm.agentJar() + "=targets=" + FIELD + ":" + TYPO
                        + ",includes=io.cacheguard.samples.*:com.nowhere.*,report=" + report,
                "-jar", SamplesWithAgentIT.samplesJar().toString(), "hashmap-field");
        assertEquals(0, result.exitCode, result::toString);

        assertEquals(1, count(result.stderr, "[cacheguard] targets=" + TYPO + " matched nothing in this run"),
                result.stderr);
        assertEquals(1, count(result.stderr, "[cacheguard] includes=com.nowhere.* matched nothing in this run"),
                result.stderr);
        assertFalse(result.stderr.contains("targets=" + FIELD + " matched nothing"), result.stderr);
        assertFalse(result.stderr.contains("includes=io.cacheguard.samples.* matched nothing"), result.stderr);
        assertFalse(result.stdout.contains("[cacheguard]"), "log lines go to stderr only");

        List<Map<String, Object>> summaries = ReportFile.read(report).events("summary");
        assertEquals(1, summaries.size());
        assertEquals(List.of("targets=" + TYPO, "includes=com.nowhere.*"), summaries.get(0).get("unmatchedSelection"));
    }

    @Test
    void aSelectionThatMatchedNamesNothing() throws Exception {
        Path report = temp.resolve("report.jsonl");
        ChildJvm.Result result = ChildJvm.run("-javaagent:" + ChildJvm.agentJar() + "=targets=" + FIELD
                        + ",report=" + report, "-jar", SamplesWithAgentIT.samplesJar().toString(), "hashmap-field");
        assertEquals(0, result.exitCode, result::toString);
        assertFalse(result.stderr.contains("matched nothing"), result.stderr);
        assertTrue(ReportFile.read(report).events("summary").get(0).containsKey("unmatchedSelection"));
        assertEquals(List.of(), ReportFile.read(report).events("summary").get(0).get("unmatchedSelection"));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
