package io.cacheguard.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleLauncherTest {

    private static final List<String> SAFE_AND_SHORT = List.of(
            "-D" + Variant.SAFE_PROPERTY + "=true", "-D" + RunOptions.BUDGET_PROPERTY + "=200");

    @TempDir
    Path workDir;

    @Test
    void listPrintsEverySampleWithADescriptionAndExitsZero() throws Exception {
        ChildJvm.Outcome outcome = ChildJvm.launch(workDir, List.of(), "--list");

        assertEquals(0, outcome.exitCode());
        List<String> names = SampleCatalog.all().stream().map(Sample::name).toList();
        assertEquals(names.size(), outcome.stdout().size(), outcome.stdout().toString());
        for (int i = 0; i < names.size(); i++) {
            String line = outcome.stdout().get(i);
            assertTrue(line.startsWith(names.get(i) + " "), line);
            assertFalse(line.substring(names.get(i).length()).isBlank(), "no description: " + line);
        }
    }

    @Test
    void unknownSampleIsAUsageErrorOnStderr() throws Exception {
        ChildJvm.Outcome outcome = ChildJvm.launch(workDir, List.of(), "no-such-sample");

        assertEquals(2, outcome.exitCode());
        assertEquals(List.of(), outcome.stdout());
        assertTrue(String.join("\n", outcome.stderr()).contains("no-such-sample"), outcome.stderr().toString());
    }

    @Test
    void moreThanOneArgumentIsAUsageError() throws Exception {
        ChildJvm.Outcome outcome = ChildJvm.launch(workDir, List.of(), "lru-cache", "weak-cache");

        assertEquals(2, outcome.exitCode());
        assertEquals(List.of(), outcome.stdout());
    }

    @Test
    void withoutArgumentsRunsTheExpiringCacheSample() throws Exception {
        ChildJvm.Outcome outcome = ChildJvm.launch(workDir, SAFE_AND_SHORT);

        assertEquals("RESULT expiring-cache OK", outcome.lastLine(), outcome.stdout().toString());
        assertEquals(0, outcome.exitCode());
    }

    @Test
    void aPassingRunEndsWithItsOnlyResultLineAndExitsZero() throws Exception {
        ChildJvm.Outcome outcome = ChildJvm.launch(workDir, SAFE_AND_SHORT, "reassign-clear");

        assertEquals("RESULT reassign-clear OK", outcome.lastLine(), outcome.stdout().toString());
        assertEquals(1, outcome.resultLines());
        assertEquals(0, outcome.exitCode());
    }
}
