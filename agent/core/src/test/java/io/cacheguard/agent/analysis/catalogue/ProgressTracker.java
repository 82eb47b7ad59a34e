package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * A batch job's progress, one inner Stage object per phase, each counting events in its own
 * HashMap. Worker threads call {@code record} concurrently; the merge in the inner class holds no
 * lock: patch.
 */
public final class ProgressTracker {

    final class Stage {
        @Expect(PATCH)
        private final Map<String, Integer> counters = new HashMap<>();

        void increment(String event) {
            counters.merge(event, 1, Integer::sum);
        }

        int count(String event) {
            return counters.getOrDefault(event, 0);
        }
    }

    private final Stage parsing = new Stage();
    private final Stage writing = new Stage();

    public void record(boolean parsePhase, String event) {
        (parsePhase ? parsing : writing).increment(event);
    }

    public int parsed(String event) {
        return parsing.count(event);
    }
}
