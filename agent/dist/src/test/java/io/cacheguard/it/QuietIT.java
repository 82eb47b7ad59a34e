package io.cacheguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quiet=true} silences the agent's account of itself (the start-up line, one line per
 * patched or racy field) and never its findings. Regression (issue 18 item 2): quiet also hid the
 * RACE reports and the {@code races:} line at exit, though the README said it hid only start-up
 * and patch lines.
 */
class QuietIT {
    @TempDir
    Path dir;

    @Test
    void quietHidesStartUpAndFieldLinesButKeepsRacesAndTheirCount() throws Exception {
        // mode=detect uses the happens-before detector: the fixture's two writers, ordered by
        // nothing, race in every run whatever the timing
        ChildJvm.Result result = ChildJvm.run(
                "-javaagent:" + ChildJvm.agentJar() + "=mode=detect,quiet=true",
                "-cp", ChildJvm.testClasspath(),
                "io.cacheguard.it.fixtures.RaceThenHookApp", dir.resolve("hook.txt").toString());
        assertEquals(0, result.exitCode, result::toString);
        List<String> lines = Arrays.asList(result.stderr.strip().split("\\R"));
        assertTrue(lines.stream().allMatch(line -> line.startsWith("[cacheguard] ")), result::toString);
        List<String> headlines = lines.stream().filter(line -> !line.startsWith("[cacheguard]  "))
                .collect(Collectors.toList());
        assertTrue(headlines.get(0).startsWith("[cacheguard] RACE write-write on "
                + "io.cacheguard.it.fixtures.inherit.BaseQuoteCache.map"), result::toString);
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("[cacheguard]       at ")), result::toString);
        // nothing else: no start-up line, no "racy ... tracked" line
        assertTrue(headlines.stream().allMatch(line -> line.startsWith("[cacheguard] RACE ")
                || line.startsWith("[cacheguard] races: ")), result::toString);
        assertEquals(1, headlines.stream().filter(line -> line.startsWith("[cacheguard] races: ")).count(),
                result::toString);
        assertTrue(headlines.get(headlines.size() - 1).startsWith("[cacheguard] races: "), result::toString);
    }
}
