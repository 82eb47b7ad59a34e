package io.cacheguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bounds in Caffeine's syntax apply to patched maps: by default for all, per field from the config file. */
class BoundsIT {
    private static final String APP = "io.cacheguard.it.fixtures.FillCacheApp";

    @TempDir
    Path temp;

    @Test
    void withoutBoundsAPatchedMapKeepsEverything() throws Exception {
        ChildJvm.Result result = ChildJvm.run("-javaagent:" + ChildJvm.agentJar(), "-cp", ChildJvm.testClasspath(), APP);
        assertEquals("small=10000 large=10000", result.stdout.strip(), result::toString);
    }

    @Test
    void maximumSizeBoundsEveryPatchedMap() throws Exception {
        ChildJvm.Result result = ChildJvm.run("-javaagent:" + ChildJvm.agentJar() + "=maximumSize=100",
                "-cp", ChildJvm.testClasspath(), APP);
        assertEquals("small=100 large=100", result.stdout.strip(), result::toString);
    }

    @Test
    void configFileOverridesOneFieldAndSystemPropertyTheDefault() throws Exception {
        Path config = temp.resolve("cacheguard.properties");
        Files.writeString(config, "maximumSize=5000\nbounds." + APP + ".SMALL_CACHE=maximumSize=10\n");
        ChildJvm.Result result = ChildJvm.run("-Dcacheguard.maximumSize=2000",
                "-javaagent:" + ChildJvm.agentJar() + "=config=" + config,
                "-cp", ChildJvm.testClasspath(), APP);
        assertEquals("small=10 large=2000", result.stdout.strip(), result::toString);
    }
}
