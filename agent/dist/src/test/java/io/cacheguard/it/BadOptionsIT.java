package io.cacheguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bad option gives one error line naming the key and the value, and the application runs exactly
 * as without the agent: same stdout, same exit status.
 */
class BadOptionsIT {
    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "mode=bogus|mode='bogus'",
        "colour=blue|unknown option 'colour'",
        "maximumSize=-3|maximumSize='-3'",
        "expireAfterWrite=10 minutes|expireAfterWrite='10 minutes'",
        "quiet=maybe|quiet='maybe'",
        "config=/no/such/cacheguard.properties|config='/no/such/cacheguard.properties'",
        "justaword|option 'justaword' has no value",
        // regression (issue 18 item 8): report= and targets= were ignored, log= fell back to
        // stderr, config= was an unreadable file; an empty value is now refused the same way
        "report=|report has an empty value",
        "targets=|targets has an empty value",
        "log=|log has an empty value",
        "config=|config has an empty value",
        // and a key named twice no longer lets the last one win in silence
        "mode=patch,mode=detect|mode is given twice (mode=patch and mode=detect)",
    })
    void badOptionDisablesTheAgentWithOneLine(String argument, String named) throws Exception {
        ChildJvm.Result result = ChildJvm.run(
                "-javaagent:" + ChildJvm.agentJar() + "=" + argument,
                "-cp", ChildJvm.testClasspath(),
                "io.cacheguard.it.fixtures.HelloApp", "5");
        assertEquals(5, result.exitCode, result::toString);
        assertEquals("hello from the host" + System.lineSeparator(), result.stdout, result::toString);
        String[] lines = result.stderr.strip().split("\\R");
        assertEquals(1, lines.length, result::toString);
        assertTrue(lines[0].startsWith("[cacheguard] error: "), result::toString);
        assertTrue(lines[0].contains(named), result::toString);
        assertTrue(lines[0].contains("disabled"), result::toString);
    }

    /**
     * Regression: {@code mode=patch,failOnRace=true} never failed and said nothing. It runs (the
     * patching is still wanted) and says once, even when quiet, that nothing can fail it.
     */
    @Test
    void failOnRaceWithoutDetectionSaysItHasNoEffect() throws Exception {
        ChildJvm.Result result = ChildJvm.run(
                "-javaagent:" + ChildJvm.agentJar() + "=mode=patch,failOnRace=true,quiet=true",
                "-cp", ChildJvm.testClasspath(),
                "io.cacheguard.it.fixtures.HelloApp");
        assertEquals(0, result.exitCode, result::toString);
        assertEquals("[cacheguard] error: failOnRace=true has no effect with mode=patch: nothing detects races in that "
                + "mode; use mode=both or mode=detect", result.stderr.strip(), result::toString);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"-Dcacheguard.mode=sideways|mode='sideways'",
        "-Dcacheguard.nosuch=1|unknown option '-Dcacheguard.nosuch'",
        "-Dcacheguard.report=|-Dcacheguard.report has an empty value"})
    void badSystemPropertyDisablesTheAgentToo(String property, String named) throws Exception {
        ChildJvm.Result result = ChildJvm.run(property,
                "-javaagent:" + ChildJvm.agentJar(),
                "-cp", ChildJvm.testClasspath(),
                "io.cacheguard.it.fixtures.HelloApp");
        assertEquals(0, result.exitCode, result::toString);
        assertTrue(result.stderr.strip().startsWith("[cacheguard] error: "), result::toString);
        assertTrue(result.stderr.contains(named), result::toString);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"report|cannot be written", "log|logging to stderr instead"})
    void unwritableReportOrLogFallsBackAndTheAgentRuns(String key, String message) throws Exception {
        Path blocker = temp.resolve("a-file");
        java.nio.file.Files.writeString(blocker, "not a directory");
        ChildJvm.Result result = ChildJvm.run(
                "-javaagent:" + ChildJvm.agentJar() + "=" + key + "=" + blocker.resolve("x.jsonl"),
                "-cp", ChildJvm.testClasspath(),
                "io.cacheguard.it.fixtures.HelloApp");
        assertEquals(0, result.exitCode, result::toString);
        assertTrue(result.stderr.contains(message), result::toString);
        assertEquals("hello from the host" + System.lineSeparator(), result.stdout, result::toString);
    }
}
