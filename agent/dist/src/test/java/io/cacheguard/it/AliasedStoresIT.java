package io.cacheguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A fresh map stored into a patched field through a local the code goes on using keeps every entry
 * put through the local: lazy initialisation through a local (also raced by two threads), a
 * constructor that stores then fills, a chained assignment, static and instance fields.
 */
class AliasedStoresIT {

    @ParameterizedTest
    @ValueSource(strings = {"patch", "both", "detect"})
    void entriesPutThroughTheLocalAreInTheField(String mode) throws Exception {
        ChildJvm.Result result = ChildJvm.run(
                "-Xverify:all",
                "-javaagent:" + ChildJvm.agentJar() + "=mode=" + mode + ",quiet=true",
                "-cp", ChildJvm.testClasspath(),
                "io.cacheguard.it.fixtures.alias.AliasCaches", mode.equals("detect") ? "--without-racing" : "--racing");
        assertEquals(0, result.exitCode, result::toString);
        // mode detect keeps the program's race, so its racing part is not run there
        String racing = mode.equals("detect") ? "" : "\nracing-lazy-lost=0";
        String out = result.stdout.strip();
        assertEquals(String.join("\n", "lazy=1", "static-lazy=1", "built=1", "chained=1", "copied=1") + racing,
                out.replace(System.lineSeparator(), "\n"), result::toString);
    }
}
