package io.cacheguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code java -jar cacheguard-agent.jar ...} as users call it: output streams and exit codes. */
class CommandLineIT {

    @Test
    void versionPrintsTheBuildVersionOnStdout() throws Exception {
        ChildJvm.Result result = ChildJvm.run("-jar", ChildJvm.agentJar().toString(), "--version");
        assertEquals(0, result.exitCode, result::toString);
        String expected = "cacheguard " + System.getProperty("cacheguard.version", "");
        assertTrue(result.stdout.startsWith(expected), result::toString);
        assertEquals("", result.stderr, result::toString);
    }

    @Test
    void helpListsTheCommandsAndExitsZero() throws Exception {
        ChildJvm.Result result = ChildJvm.run("-jar", ChildJvm.agentJar().toString(), "--help");
        assertEquals(0, result.exitCode, result::toString);
        assertTrue(result.stdout.contains("--version"), result::toString);
        assertTrue(result.stdout.contains("-javaagent:"), result::toString);
    }

    @Test
    void anUnknownCommandIsAUsageErrorNamingTheCommand() throws Exception {
        ChildJvm.Result result = ChildJvm.run("-jar", ChildJvm.agentJar().toString(), "frobnicate");
        assertEquals(2, result.exitCode, result::toString);
        assertTrue(result.stderr.contains("'frobnicate'"), result::toString);
        assertEquals("", result.stdout, result::toString);
    }

    @Test
    void noCommandIsAUsageError() throws Exception {
        ChildJvm.Result result = ChildJvm.run("-jar", ChildJvm.agentJar().toString());
        assertEquals(2, result.exitCode, result::toString);
        assertTrue(result.stderr.contains("usage:"), result::toString);
    }
}
