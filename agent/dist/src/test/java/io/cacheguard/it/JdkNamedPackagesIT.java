package io.cacheguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDK is told apart by the loader that defines a class, not by its package name: a cache in a
 * {@code javax.*} or {@code com.sun.*} package of an application's jar is analysed and patched
 * like any other. Regression: both were passed over by name, and JAXB RI, Jersey 1, Mojarra or
 * JavaMail caches were never looked at.
 */
class JdkNamedPackagesIT {
    @TempDir
    Path dir;

    @Test
    void cachesInJavaxAndComSunPackagesOfTheApplicationArePatched() throws Exception {
        Path report = dir.resolve("report.jsonl");
        ChildJvm.Result result = ChildJvm.run("-javaagent:" + ChildJvm.agentJar() + "=mode=patch,report=" + report,
                "-cp", ChildJvm.testClasspath(), "io.cacheguard.it.fixtures.JdkNamedCachesApp");
        assertEquals(0, result.exitCode, result::toString);
        assertTrue(result.stdout.contains("RESULT jdk-named-caches OK"), result::toString);
        assertEquals(Set.of("javax.cacheguard.fixtures.TokenCache.cache", "com.sun.cacheguard.fixtures.ViewCache.cache"),
                ReportFile.read(report).patchedFields(), result::toString);
    }
}
