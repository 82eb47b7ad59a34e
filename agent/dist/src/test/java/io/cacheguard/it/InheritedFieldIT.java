package io.cacheguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store into an inherited field ({@code map = new HashMap<>()} in a subclass constructor) is
 * routed exactly as a store into an own field, in every mode. Regression: in {@code mode=detect}
 * the raw map stayed untracked and its races went unreported ({@code races: 0 distinct}).
 */
class InheritedFieldIT {
    private static final String FIELD = "io.cacheguard.it.fixtures.inherit.BaseQuoteCache.map";

    @TempDir
    Path dir;

    /** The happens-before detector, which reports the fixture's races whatever their timing. */
    @ParameterizedTest
    @ValueSource(strings = {"detect", "both,detector=hb"})
    void racesOnAMapStoredBySubclassConstructorAreReported(String mode) throws Exception {
        Path report = dir.resolve(mode.replaceAll("[^a-z]", "-") + ".jsonl");
        ChildJvm.Result result = ChildJvm.run("-javaagent:" + ChildJvm.agentJar() + "=mode=" + mode + ",report=" + report,
                "-cp", ChildJvm.testClasspath(), "io.cacheguard.it.fixtures.inherit.InheritedFieldApp");
        assertEquals(0, result.exitCode, result::toString);
        List<Map<String, Object>> races = ReportFile.read(report).events("race");
        assertFalse(races.isEmpty(), result::toString);
        Set<String> fields = new TreeSet<>();
        for (Map<String, Object> race : races) {
            fields.add(race.get("class") + "." + race.get("field"));
        }
        assertEquals(Set.of(FIELD), fields, result::toString);
    }
}
