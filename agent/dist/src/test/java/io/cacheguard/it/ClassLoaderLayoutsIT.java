package io.cacheguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The runtime lives on the bootstrap path, so a patched class defined by any loader reaches the one
 * copy of the wrappers: the application loader, an isolated loader whose parent is the platform
 * loader (a servlet container's web-app loader), and a child-first loader.
 */
class ClassLoaderLayoutsIT {

    @ParameterizedTest
    @ValueSource(strings = {"system", "isolated", "child-first"})
    void patchedClassUsesTheBootstrapWrapper(String layout) throws Exception {
        ChildJvm.Result result = ChildJvm.run(
                "-javaagent:" + ChildJvm.agentJar(),
                "-cp", ChildJvm.testClasspath(),
                "io.cacheguard.it.fixtures.loaders.LoaderLayoutsApp", layout);
        assertEquals(0, result.exitCode, result::toString);
        // The default mode (both, the watch) guards, and the guard carries the watch: both on the bootstrap path.
        assertEquals("RESULT " + layout + " OK io.cacheguard.agent.runtime.GuardedHashMap@bootstrap",
                result.stdout.strip(), result::toString);
        assertTrue(result.stderr.contains("patched io.cacheguard.it.fixtures.loaders.PriceCache.cache"),
                result::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"isolated", "child-first"})
    void withoutTheAgentTheFieldHoldsThePlainHashMap(String layout) throws Exception {
        ChildJvm.Result result = ChildJvm.run(
                "-cp", ChildJvm.testClasspath(),
                "io.cacheguard.it.fixtures.loaders.LoaderLayoutsApp", layout);
        assertTrue(result.stdout.strip().endsWith("java.util.HashMap@bootstrap"), result::toString);
    }
}
