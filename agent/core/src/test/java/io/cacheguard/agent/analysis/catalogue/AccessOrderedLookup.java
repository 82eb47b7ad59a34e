package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;
import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Two LinkedHashMaps filled in the constructor and only looked up afterwards, without a lock. In
 * insertion order that is read-only once published: safe. In access order every get relinks the
 * entry, an unlocked write: patch.
 */
public final class AccessOrderedLookup {

    @Expect(value = SAFE, reason = "read-only once published")
    private final LinkedHashMap<String, String> insertionOrdered = new LinkedHashMap<>();

    @Expect(PATCH)
    private final LinkedHashMap<String, String> accessOrdered = new LinkedHashMap<>(16, 0.75f, true);

    public AccessOrderedLookup(Map<String, String> entries) {
        insertionOrdered.putAll(entries);
        accessOrdered.putAll(entries);
    }

    public String byInsertion(String key) {
        return insertionOrdered.get(key);
    }

    public String byAccess(String key) {
        return accessOrdered.get(key);
    }
}
