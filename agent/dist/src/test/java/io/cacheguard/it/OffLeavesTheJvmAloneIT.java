package io.cacheguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code mode=off} and a refused option leave the JVM as it would be without the agent: every
 * option is read and checked before anything is defined in the bootstrap loader or exported from
 * {@code java.base}. Regression: the runtime was defined (and {@code jdk.internal.misc} exported)
 * first, so {@code off} or a typo still changed the JVM. {@code -Xlog:class+load} shows it.
 */
class OffLeavesTheJvmAloneIT {

    @Test
    void modeOffDefinesNothing() throws Exception {
        ChildJvm.Result result = runWith("mode=off");
        assertEquals(0, result.exitCode, result::toString);
        assertEquals(List.of(), runtimeClassesLoaded(result), result::toString);
        assertTrue(result.stderr.contains("mode=off: nothing is patched or watched"), result::toString);
    }

    @Test
    void aRefusedOptionDefinesNothing() throws Exception {
        ChildJvm.Result result = runWith("mode=patch,maximumSize=ten");
        assertEquals(0, result.exitCode, result::toString);
        assertEquals(List.of(), runtimeClassesLoaded(result), result::toString);
        assertTrue(result.stderr.contains("[cacheguard] error: ") && result.stderr.contains("maximumSize='ten'"),
                result::toString);
    }

    /** The check can fail: with the agent on, the runtime's classes are defined as the log shows them. */
    @Test
    void modePatchDefinesTheRuntime() throws Exception {
        ChildJvm.Result result = runWith("mode=patch");
        assertEquals(0, result.exitCode, result::toString);
        assertTrue(runtimeClassesLoaded(result).stream().anyMatch(line -> line.contains("runtime.Guards ")),
                result::toString);
    }

    private static ChildJvm.Result runWith(String options) throws Exception {
        return ChildJvm.run("-Xlog:class+load=info:stdout", "-javaagent:" + ChildJvm.agentJar() + "=" + options,
                "-cp", ChildJvm.testClasspath(), "io.cacheguard.it.fixtures.HelloApp");
    }

    /** The class-load lines of the agent's bootstrap side and of its boot-loader definer. */
    private static List<String> runtimeClassesLoaded(ChildJvm.Result result) {
        return result.stdout.lines()
                .filter(line -> line.contains("io.cacheguard.agent.runtime.") || line.contains("io.cacheguard.agent.injector."))
                .collect(Collectors.toList());
    }
}
