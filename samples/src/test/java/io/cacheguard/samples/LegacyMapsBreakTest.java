package io.cacheguard.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.cacheguard.samples.harness.Deadline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The samples are only worth running with the agent if they break without it. A race is a matter
 * of chance, so each sample gets several attempts; on two busy cores every sample broke in at least
 * 18 of 20 measured runs, so ten attempts that all pass would mean the sample no longer shows its bug.
 */
class LegacyMapsBreakTest {

    private static final int ATTEMPTS = 10;
    private static final Duration PER_SAMPLE = Duration.ofSeconds(40);

    @TempDir
    Path workDir;

    static Stream<String> samples() {
        return SampleCatalog.all().stream().map(Sample::name);
    }

    @ParameterizedTest(name = "{0} reports BROKEN with its legacy map")
    @MethodSource("samples")
    void reportsBrokenWithItsLegacyMap(String sample) throws Exception {
        Deadline end = Deadline.after(PER_SAMPLE);
        List<String> verdicts = new ArrayList<>();
        for (int attempt = 0; attempt < ATTEMPTS && !end.passed(); attempt++) {
            ChildJvm.Outcome outcome = ChildJvm.launch(workDir, List.of(), sample);
            assertEquals(1, outcome.resultLines(), outcome.stdout().toString());
            if (outcome.exitCode() == 0) {
                assertEquals("RESULT " + sample + " OK", outcome.lastLine());
                verdicts.add("OK");
                continue;
            }
            assertTrue(outcome.lastLine().startsWith("RESULT " + sample + " BROKEN "), outcome.lastLine());
            assertTrue(outcome.exitCode() == 1 || outcome.exitCode() == 3, "exit code " + outcome.exitCode());
            assertEquals(outcome.lastLine().startsWith("RESULT " + sample + " BROKEN hang: "), outcome.exitCode() == 3,
                    "exit code 3 goes with a hang, and only with a hang: " + outcome.lastLine());
            return;
        }
        fail(sample + " never broke without the agent: " + verdicts);
    }
}
