package io.cacheguard.agent.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cacheguard.testing.JsonParser;
import com.google.common.collect.ImmutableList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A real, large library from Maven Central, analysed whole: Guava's 2,000 classes are hand-tuned,
 * generic-heavy and full of nested classes, the kind of bytecode the analysis has to survive.
 */
class RealJarScanTest {

    @Test
    void everyClassOfGuavaIsAnalysedWithoutAnInternalError() throws Exception {
        Path guava = Paths.get(ImmutableList.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isRegularFile(guava), guava::toString);

        long start = System.nanoTime();
        ScanRun run = ScanRun.of(guava, "--all", "--format", "json");
        long millis = (System.nanoTime() - start) / 1_000_000;

        Map<String, Object> summary = JsonParser.object(run.json().get("summary"));
        System.out.printf("scan --all %s: %s classes scanned, %s analysed, %s fields (%s patch, %s safe, %s skip)"
                        + " in %d ms%n", guava.getFileName(), summary.get("classesScanned"),
                summary.get("classesAnalysed"), summary.get("fields"), summary.get("patch"), summary.get("safe"),
                summary.get("skip"), millis);
        assertEquals(0L, summary.get("errors"), run.stderr);
        assertEquals("", run.stderr);
        assertTrue((Long) summary.get("classesScanned") > 1000, summary::toString);
        assertTrue((Long) summary.get("fields") > 0, summary::toString);
    }
}
