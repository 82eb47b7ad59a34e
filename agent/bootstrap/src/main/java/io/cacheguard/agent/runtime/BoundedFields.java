package io.cacheguard.agent.runtime;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link BoundedMapCounts} of each patched field whose maps have bounds, by field label
 * ({@code com.acme.Cache.map}): where the agent reads what the bounded maps did. A field keeps its
 * counts when an attach changes its bounds; only the bounds its new maps get change.
 */
public final class BoundedFields {
    private static final Map<String, CacheBounds> COUNTED = new ConcurrentHashMap<>();

    private BoundedFields() {
    }

    /**
     * {@code bounds}, counting into field {@code field}'s counts; unbounded bounds as they are, since
     * such maps neither evict nor expire. One lookup once the field has had a map with these bounds.
     */
    static CacheBounds counted(String field, CacheBounds bounds) {
        if (bounds.isUnbounded()) {
            return bounds;
        }
        CacheBounds known = COUNTED.get(field);
        if (known != null && known.equals(bounds)) {
            return known;
        }
        return COUNTED.compute(field, (label, old) -> old != null && old.equals(bounds)
                ? old
                : bounds.countedBy(old != null ? old.counts() : new BoundedMapCounts()));
    }

    /** Every field that has had a bounded map, sorted by label. */
    public static Map<String, BoundedMapCounts> all() {
        Map<String, BoundedMapCounts> all = new TreeMap<>();
        COUNTED.forEach((field, bounds) -> all.put(field, bounds.counts()));
        return all;
    }
}
