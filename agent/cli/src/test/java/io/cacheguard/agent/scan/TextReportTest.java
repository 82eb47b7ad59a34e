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

    /**
     * Issue 17: a field and a source file name with a newline and an ESC (legal in a class file)
     * stay inside their lines; no line of the report can be forged.
     */
    @Test
    void namesFromClassFilesAreEscapedSoEachLineStaysOneLine() {
        String forged = "PATCH  com.evil.Forged.x  (static field)";
        byte[] hostile = Fixtures.renamedFields("RacyCache", "entries", "entries\n" + forged + "\u001b[2K",
                "Racy\nCache.java");
        Path jar = Archives.jar(dir.resolve("hostile.jar"), java.util.Map.of(
                Fixtures.PACKAGE + "RacyCache.class", hostile));
        ScanRun hostileRun = ScanRun.of(jar);
        List<String> shown = hostileRun.stdout.lines().collect(java.util.stream.Collectors.toList());

        assertTrue(shown.stream().noneMatch(line -> line.startsWith(forged)), hostileRun::toString);
        assertTrue(shown.stream().anyMatch(line -> line.endsWith(".RacyCache.entries\\n" + forged
                + "\\u001b[2K  (instance field)")), hostileRun::toString);
        assertTrue(shown.stream().anyMatch(line -> line.contains(" at Racy\\nCache.java:")), hostileRun::toString);
        assertTrue(!hostileRun.stdout.contains("\u001b") && !hostileRun.stderr.contains("\u001b"),
                hostileRun::toString);
    }
}
