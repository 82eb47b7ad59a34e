package io.cacheguard.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the jcstress tests of this module (the bounded map's expiry against an in-place put, the
 * lazy-init compare-and-set with and without a local, the watch's marks, the {@code hb} detector's
 * lock clocks joined in place and its per-thread release slots) in a child JVM, as jcstress's own runner
 * does, and fails on any FORBIDDEN outcome or error. The mode is {@code quick} in the build;
 * {@code -Dcacheguard.jcstress.mode=tough} tries far more interleavings.
 */
class ProtocolsTest {
    private static final List<String> TESTS = List.of("ExpiryRenewalStress", "LazyInitStress", "LazyInitAdoptStress",
            "WatchOverlapStress", "WatchNoFalseAlarmStress", "detector.HeldClockStress", "detector.ReleaseSlotsStress");

    @TempDir
    Path results;

    @Test
    void noForbiddenOutcomeIsEverSeen() throws Exception {
        Path output = results.resolve("jcstress.out");
        String java = Path.of(System.getProperty("cacheguard.it.javaHome", System.getProperty("java.home")), "bin", "java")
                .toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.openjdk.jcstress.Main", "-m", System.getProperty("cacheguard.jcstress.mode", "quick"),
                "-t", "io\\.cacheguard\\.agent\\.runtime\\.(" + String.join("|", TESTS).replace(".", "\\.") + ")",
                "-r", results.resolve("report").toString())
                .directory(results.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        assertTrue(process.waitFor(25, TimeUnit.MINUTES), "jcstress did not finish");
        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), text);
        for (String test : TESTS) { // jcstress writes a page for each test it ran (the output names only the interesting ones)
            Path page = results.resolve("report").resolve("io.cacheguard.agent.runtime." + test + ".html");
            assertTrue(Files.exists(page), "did not run " + test + " (no " + page + "):\n" + text);
        }
        assertTrue(text.contains("Failed tests: No matches."), text);
        assertTrue(text.contains("Error tests: No matches."), text);
    }
}
