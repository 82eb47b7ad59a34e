package io.cacheguard.agent.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cacheguard.testing.JsonParser;
import io.cacheguard.it.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar cacheguard-agent.jar scan} from the real shaded jar, as a build would call it. */
class ScanCommandIT {
    @TempDir
    Path dir;

    @Test
    void aRacyCacheExitsOneWithOnlyTheJsonReportOnStdout() throws Exception {
        Path jar = Archives.jar(dir.resolve("app.jar"), Fixtures.only("RacyCache", "SafeCache"));

        ChildJvm.Result result = ChildJvm.run("-jar", ChildJvm.agentJar().toString(), "scan", jar.toString(),
                "--format", "json");

        assertEquals(1, result.exitCode, result::toString);
        Map<String, Object> report = JsonParser.object(JsonParser.parse(result.stdout)); // nothing else on stdout
        assertEquals("cacheguard", report.get("tool"));
        assertEquals(System.getProperty("cacheguard.version", report.get("version").toString()), report.get("version"));
        List<Object> fields = JsonParser.array(report.get("fields"));
        assertEquals(2, fields.size(), result::toString);
        assertEquals("patch", JsonParser.object(fields.get(0)).get("verdict"));
        assertEquals("", result.stderr, result::toString);
    }

    @Test
    void theAgentJarItselfHasNothingToPatch() throws Exception {
        ChildJvm.Result result = ChildJvm.run("-jar", ChildJvm.agentJar().toString(), "scan",
                ChildJvm.agentJar().toString(), "--all", "--format", "json");

        assertEquals(0, result.exitCode, result::toString);
        Map<String, Object> report = JsonParser.object(JsonParser.parse(result.stdout));
        Map<String, Object> summary = JsonParser.object(report.get("summary"));
        assertEquals(0L, summary.get("fields"), result::toString);
        assertEquals(0L, summary.get("errors"), result::toString);
    }

    @Test
    void aMissingInputExitsTwoNamingItOnStderr() throws Exception {
        Path missing = dir.resolve("missing.jar");

        ChildJvm.Result result = ChildJvm.run("-jar", ChildJvm.agentJar().toString(), "scan", missing.toString());

        assertEquals(2, result.exitCode, result::toString);
        assertTrue(result.stderr.contains("cacheguard scan: " + missing + ": no such file"), result::toString);
        assertTrue(result.stdout.startsWith("summary: 0 patch"), result::toString);
    }

    /** Regression: a named class file that cannot be read was reported, and the scan exited 0. */
    @Test
    void aNamedClassFileCutShortExitsTwoNamingItOnOneLine() throws Exception {
        byte[] racy = Fixtures.only("RacyCache").get("com/acme/RacyCache.class");
        Path truncated = Files.write(dir.resolve("RacyCache.class"), Arrays.copyOf(racy, racy.length / 2));

        ChildJvm.Result result = ChildJvm.run("-jar", ChildJvm.agentJar().toString(), "scan", truncated.toString());

        assertEquals(2, result.exitCode, result::toString);
        assertEquals(1, result.stderr.lines().count(), result::toString);
        assertTrue(result.stderr.startsWith("cacheguard scan: " + truncated + ": malformed or truncated class file ("),
                result::toString);
        assertTrue(result.stdout.startsWith("summary: 0 patch"), result::toString);
    }
}
