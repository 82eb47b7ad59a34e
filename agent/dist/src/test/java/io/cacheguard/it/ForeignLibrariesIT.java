package io.cacheguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * An application carrying its own, different Byte Buddy and ASM works unchanged beside the agent:
 * ours are relocated, so the application's classes come from its own jars, and its cache is patched.
 */
class ForeignLibrariesIT {

    @Test
    void applicationUsesItsOwnByteBuddyAndAsm() throws Exception {
        Path libs = Paths.get(System.getProperty("cacheguard.hostLibs", "target/host-libs"));
        String classpath = String.join(File.pathSeparator, ChildJvm.testClasspath(),
                libs.resolve("byte-buddy.jar").toString(), libs.resolve("asm.jar").toString());
        ChildJvm.Result result = ChildJvm.run(
                "-javaagent:" + ChildJvm.agentJar(),
                "-cp", classpath,
                "io.cacheguard.it.fixtures.host.ForeignLibrariesApp");
        assertEquals(0, result.exitCode, result::toString);
        assertTrue(result.stdout.contains("bytebuddy=" + libs.resolve("byte-buddy.jar").toAbsolutePath()),
                result::toString);
        assertTrue(result.stdout.contains("asm=" + libs.resolve("asm.jar").toAbsolutePath()), result::toString);
        assertTrue(result.stdout.contains("generated subclass of java/lang/Object"), result::toString);
        assertTrue(result.stdout.strip().endsWith("RESULT foreign-libraries OK"), result::toString);
        assertTrue(result.stderr.contains("patched io.cacheguard.it.fixtures.host.ForeignLibrariesApp.cache"),
                result::toString);
    }
}
