package io.cacheguard.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guards against invariants stricter than a correct map: the safe twins keep every unlocked
 * compound operation of the legacy classes and only make the map thread-safe, as the agent does,
 * so each of them must pass run after run.
 */
class SafeTwinsPassTest {

    private static final int RUNS = 3;
    private static final Duration BUDGET = Duration.ofMillis(300);

    static java.util.stream.Stream<Sample> samples() {
        return SampleCatalog.all().stream();
    }

    @ParameterizedTest(name = "{0} passes with its thread-safe twin")
    @MethodSource("samples")
    void passesWithItsThreadSafeTwin(Sample sample) {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int run = 0; run < RUNS; run++) {
                Result result = sample.run(RunOptions.quiet(Variant.SAFE, BUDGET));
                assertEquals(Result.ok(sample.name()), result, "run " + (run + 1));
            }
        });
    }
}
