package io.cacheguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A patched field is guarded whoever writes it: another class of its package storing into it, or
 * reflection setting it behind every store (then the first read guards it and writes it back).
 */
class RoutingIT {

    @Test
    void storesFromOtherClassesAndRawMapsSetByReflectionAreGuarded() throws Exception {
        ChildJvm.Result result = ChildJvm.run(
                "-javaagent:" + ChildJvm.agentJar() + "=mode=patch",
                "-cp", ChildJvm.testClasspath(),
                "io.cacheguard.it.fixtures.routing.RoutingApp");
        assertEquals(0, result.exitCode, result::toString);
        assertEquals(String.join(System.lineSeparator(),
                "stored-by-other-class=io.cacheguard.agent.runtime.GuardedHashMap",
                "set-by-reflection=io.cacheguard.agent.runtime.GuardedHashMap",
                "after-read=io.cacheguard.agent.runtime.GuardedHashMap"), result.stdout.strip(), result::toString);
    }

    @Test
    void withoutTheAgentTheyStayPlainHashMaps() throws Exception {
        ChildJvm.Result result = ChildJvm.run("-cp", ChildJvm.testClasspath(),
                "io.cacheguard.it.fixtures.routing.RoutingApp");
        assertEquals(String.join(System.lineSeparator(),
                "stored-by-other-class=java.util.HashMap",
                "set-by-reflection=java.util.HashMap",
                "after-read=java.util.HashMap"), result.stdout.strip(), result::toString);
    }
}
