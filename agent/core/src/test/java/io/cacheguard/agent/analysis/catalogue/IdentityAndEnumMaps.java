package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.SKIP;

import io.cacheguard.agent.analysis.Expect;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Racy IdentityHashMap and EnumMap fields. Neither is a HashMap: their declared types cannot take
 * a wrapper, skip.
 */
public final class IdentityAndEnumMaps {

    @Expect(value = SKIP, reason = "cannot take a wrapper")
    private final IdentityHashMap<Object, String> visited = new IdentityHashMap<>();

    @Expect(value = SKIP, reason = "cannot take a wrapper")
    private final EnumMap<TimeUnit, Long> totals = new EnumMap<>(TimeUnit.class);

    public boolean visit(Object node, String path) {
        return visited.put(node, path) == null;
    }

    public void add(TimeUnit unit, long amount) {
        totals.merge(unit, amount, Long::sum);
    }
}
