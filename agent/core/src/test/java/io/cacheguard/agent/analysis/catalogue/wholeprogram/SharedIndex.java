package io.cacheguard.agent.analysis.catalogue.wholeprogram;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * The class locks every use of its package-private map, but {@link IndexWriter}, in the same
 * package, puts into it with no lock: seeing the package finds the race, patch.
 */
public class SharedIndex {

    @Expect(value = PATCH, reason = "holds no lock")
    final Map<String, Integer> positions = new HashMap<>();

    public synchronized Integer position(String key) {
        return positions.get(key);
    }

    public synchronized void add(String key, int position) {
        positions.put(key, position);
    }
}
