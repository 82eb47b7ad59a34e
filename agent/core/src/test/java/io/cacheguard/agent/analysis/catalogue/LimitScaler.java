package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * Rate limits loaded by the constructor, later rescaled in place with {@code Entry.setValue} while
 * request threads read them. setValue writes through to the map, without a lock: patch.
 */
public final class LimitScaler {

    @Expect(PATCH)
    private final Map<String, Long> limits = new HashMap<>();

    public LimitScaler(Map<String, Long> initial) {
        limits.putAll(initial);
    }

    public long limit(String name) {
        Long limit = limits.get(name);
        return limit == null ? 0 : limit;
    }

    public void scale(double factor) {
        for (Map.Entry<String, Long> entry : limits.entrySet()) {
            entry.setValue(Math.round(entry.getValue() * factor));
        }
    }
}
