package io.cacheguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every legacy sample breaks without the agent and holds with it, run after run, and the report
 * names exactly the field that was patched, for the reason the sample is racy.
 */
class SamplesWithAgentIT {
    /** Runs without the agent until one breaks; the samples break in most runs, so this is plenty. */
    private static final int MAX_RUNS_TO_BREAK = 8;

    @TempDir
    Path temp;

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("expiring-cache", 10, "io.cacheguard.samples.expiring.ExpiringCache.cache",
                        "holds only the read lock of 'mutex'"),
                Arguments.of("static-memo", 3, "io.cacheguard.samples.staticmemo.ChecksumMemo.CACHE", "holds no lock"),
                Arguments.of("hashmap-field", 3, "io.cacheguard.samples.field.TokenCache.cache", "holds no lock"),
                Arguments.of("lru-cache", 3, "io.cacheguard.samples.lru.RecentPagesCache.cache",
                        "reorders an access-ordered map"),
                Arguments.of("weak-cache", 3, "io.cacheguard.samples.weak.SessionDataCache.cache", "holds no lock"),
                Arguments.of("lazy-map", 3, "io.cacheguard.samples.lazy.AttributeCache.cache",
                        "becomes a compare-and-set"),
                Arguments.of("reassign-clear", 3, "io.cacheguard.samples.reassign.TemplateCache.cache",
                        "holds no lock"));
    }

    static Path samplesJar() {
        return Paths.get(System.getProperty("cacheguard.samplesJar", "../samples/target/cacheguard-samples.jar"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void breaksWithoutTheAgent(String sample) throws Exception {
        for (int run = 1; run <= MAX_RUNS_TO_BREAK; run++) {
            ChildJvm.Result result = ChildJvm.run("-jar", samplesJar().toString(), sample);
            // broken (exit 1) or hung in the racy map until the watchdog ended it (exit 3)
            if ((result.exitCode == 1 || result.exitCode == 3)
                    && lastLine(result.stdout).startsWith("RESULT " + sample + " BROKEN")) {
                return;
            }
            assertEquals(0, result.exitCode, result::toString);
        }
        fail(sample + " never broke in " + MAX_RUNS_TO_BREAK + " runs without the agent");
    }

    @ParameterizedTest(name = "{0} x{1}")
    @MethodSource("samples")
    void holdsWithTheAgentAndReportsThePatchedField(String sample, int runs, String field, String reason)
            throws Exception {
        for (int run = 1; run <= runs; run++) {
            Path report = temp.resolve(sample + "-" + run + ".jsonl");
            ChildJvm.Result result = ChildJvm.run(
                    "-javaagent:" + ChildJvm.agentJar() + "=report=" + report,
                    "-jar", samplesJar().toString(), sample);
            String context = "run " + run + ": " + result;
            assertEquals("RESULT " + sample + " OK", lastLine(result.stdout), context);
            assertEquals(0, result.exitCode, context);
            assertTrue(result.stderr.contains("[cacheguard] patched " + field + " "), context);
            assertTrue(result.stderr.contains(reason), context);
            assertTrue(Files.exists(report), context);
            ReportFile events = ReportFile.read(report);
            assertEquals(Set.of(field), events.patchedFields(), context);
            assertEquals(1, events.events("start").size(), context);
            assertEquals(1, events.events("summary").size(), context);
            assertEquals(0, events.events("error").size(), context);
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\\R");
        return lines[lines.length - 1];
    }
}
