package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Copy-on-write with more than one store of the field in a method: an early return that publishes
 * an unchanged copy, and a rebuild in a loop that allocates a fresh map each round. No map is
 * changed on any path after the store that published it: safe.
 */
public final class CopyOnWriteBranches {

    @Expect(value = SAFE, reason = "copy-on-write")
    private volatile Map<String, Integer> limits = new HashMap<>();

    public Integer limit(String key) {
        return limits.get(key);
    }

    public synchronized void merge(Map<String, Integer> more, boolean replace) {
        Map<String, Integer> copy = new HashMap<>(replace ? Map.of() : limits);
        if (more.isEmpty()) {
            limits = copy;
            return;
        }
        copy.putAll(more);
        limits = copy;
    }

    public synchronized void rebuild(List<String> keys, int rounds) {
        for (int round = 0; round < rounds; round++) {
            Map<String, Integer> fresh = new HashMap<>();
            for (String key : keys) {
                fresh.put(key, round);
            }
            limits = fresh;
        }
    }
}
