package io.cacheguard.agent.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text report: one block per field with its reasons and lines, then one summary line. */
class TextReportTest {
    @TempDir
    Path dir;
    private ScanRun run;
    private List<String> lines;

    @BeforeEach
    void scan() {
        Path jar = Archives.jar(dir.resolve("app.jar"), Fixtures.only("RacyCache", "SafeCache"));
        run = ScanRun.of(jar);
        lines = run.stdout.lines().collect(java.util.stream.Collectors.toList());
    }

    @Test
    void aBlockStartsWithTheVerdictAndTheField() {
        assertTrue(lines.contains("PATCH  com.acme.RacyCache.entries  (instance field)"), run::toString);
        assertTrue(lines.contains("SAFE  com.acme.SafeCache.entries  (instance field)"), run::toString);
    }

    @Test
    void theDeclaredAndAssignedTypesAreShown() {
        assertTrue(lines.contains("  declared  java.util.Map"), run::toString);
        assertTrue(lines.contains("  assigned  java.util.HashMap"), run::toString);
    }

    @Test
    void theReasonNamesTheMethodAndTheSourceLine() {
        int line = Fixtures.lineOf("RacyCache", "entries.put(key, value)");
        String racy = "put at RacyCache.java:" + line + " in put(String, String) holds no lock";

        assertTrue(lines.contains("  reason    " + racy), run::toString);
        assertTrue(lines.contains("            in put(String, String) at RacyCache.java:" + line + ", write, no lock"),
                run::toString);
    }

    @Test
    void theLockAGuardedAccessHoldsIsNamed() {
        assertTrue(run.stdout.contains(", holds 'this'"), run::toString);
    }

    @Test
    void theLastLineSumsUpVerdictsAndClasses() {
        assertEquals("summary: 1 patch, 1 safe, 0 skip (2 fields); 2 classes scanned, 2 analysed; 0 errors",
                lines.get(lines.size() - 1));
    }
}
