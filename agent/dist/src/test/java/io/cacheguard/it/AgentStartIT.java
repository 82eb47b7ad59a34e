package io.cacheguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The agent on a host's command line: the host's output and exit status must be its own. */
class AgentStartIT {

    @Test
    void hostStdoutAndExitStatusAreUntouched() throws Exception {
        ChildJvm.Result result = ChildJvm.run(
                "-javaagent:" + ChildJvm.agentJar(),
                "-cp", ChildJvm.testClasspath(),
                "io.cacheguard.it.fixtures.HelloApp", "7");
        assertEquals(7, result.exitCode, result::toString);
        assertEquals("hello from the host" + System.lineSeparator(), result.stdout, result::toString);
    }

    @Test
    void agentAnnouncesItselfOnStderrOnly() throws Exception {
        ChildJvm.Result result = ChildJvm.run(
                "-javaagent:" + ChildJvm.agentJar(),
                "-cp", ChildJvm.testClasspath(),
                "io.cacheguard.it.fixtures.HelloApp");
        assertTrue(result.stderr.startsWith("[cacheguard] " + System.getProperty("cacheguard.version", "")),
                result::toString);
        for (String line : result.stderr.split("\\R")) {
            assertTrue(line.isEmpty() || line.startsWith("[cacheguard]"), () -> "stray stderr line: " + line);
        }
    }
}
