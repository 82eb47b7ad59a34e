package io.cacheguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cacheguard.testing.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CI diagnostic mode on every legacy sample: {@code mode=detect,failOnRace=true} reports the
 * sample's racy field with both stacks in the log, the JSON Lines report and SARIF, and the JVM
 * exits 66; the sample's correctly synchronized twin reports nothing and exits 0.
 */
class DetectSamplesIT {
    @TempDir
    Path temp;

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> samples() {
        return SamplesWithAgentIT.samples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void racySampleIsReportedAndFailsTheRun(String sample, int runs, String field) throws Exception {
        Path report = temp.resolve(sample + ".jsonl");
        Path sarif = temp.resolve(sample + ".sarif");
        ChildJvm.Result result = ChildJvm.run(
                "-javaagent:" + ChildJvm.agentJar() + "=mode=detect,failOnRace=true,report=" + report
                        + ",sarif=" + sarif,
                "-jar", SamplesWithAgentIT.samplesJar().toString(), sample);
        // mode=detect leaves the race in place: a sample may hang in the racy map, and its watchdog
        // then halts the JVM (exit 3) before the exit status 66; the race is on disk either way.
        boolean hung = result.exitCode == 3;
        assertTrue(result.exitCode == 66 || hung, result::toString);
        assertTrue(result.stderr.contains("[cacheguard] RACE "), result::toString);
        assertTrue(result.stderr.contains(" on " + field + " "), result::toString);
        assertTrue(result.stdout.lines().anyMatch(line -> line.startsWith("RESULT " + sample + " ")),
                "the sample ran to its verdict before the exit: " + result);

        ReportFile events = ReportFile.read(report);
        Set<String> raced = new TreeSet<>();
        for (Map<String, Object> race : events.events("race")) {
            raced.add(race.get("class") + "." + race.get("field"));
            assertBothStacks(race);
        }
        assertEquals(Set.of(field), raced, events.events::toString);
        if (!hung) {
            Map<String, Object> summary = events.events("summary").get(0);
            assertTrue(((Map<?, ?>) summary.get("races")).containsKey(field), summary::toString);
        }

        Map<String, Object> log = JsonParser.object(JsonParser.parse(Files.readString(sarif, StandardCharsets.UTF_8)));
        assertEquals("2.1.0", log.get("version"));
        List<?> results = (List<?>) ((Map<?, ?>) ((List<?>) log.get("runs")).get(0)).get("results");
        assertEquals(events.events("race").size(), results.size(), log::toString);
        Map<?, ?> first = (Map<?, ?>) results.get(0);
        assertTrue(first.get("message").toString().contains(field), first::toString);
        assertEquals(1, ((List<?>) first.get("locations")).size());
        assertEquals(1, ((List<?>) first.get("relatedLocations")).size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void synchronizedTwinReportsNothing(String sample) throws Exception {
        Path report = temp.resolve(sample + "-safe.jsonl");
        ChildJvm.Result result = ChildJvm.run(
                "-Dcacheguard.samples.safe=true",
                "-javaagent:" + ChildJvm.agentJar() + "=mode=detect,failOnRace=true,report=" + report,
                "-jar", SamplesWithAgentIT.samplesJar().toString(), sample);
        assertEquals(0, result.exitCode, result::toString);
        assertFalse(result.stderr.contains("RACE"), result::toString);
        assertEquals(List.of(), ReportFile.read(report).events("race"));
    }

    @SuppressWarnings("unchecked")
    private static void assertBothStacks(Map<String, Object> race) {
        for (String side : List.of("earlier", "later")) {
            Map<String, Object> access = (Map<String, Object>) race.get(side);
            assertFalse(((List<Object>) access.get("stack")).isEmpty(), race::toString);
            assertTrue(((Number) access.get("threadId")).longValue() > 0, race::toString);
        }
    }
}
