package io.cacheguard.runtime;

import io.cacheguard.detector.MapShadow;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;

/** Makes the tracked twin of a map: same declared type, the map itself (or its guard) doing the work. */
final class Tracking {
    private Tracking() {
    }

    /**
     * @param original the value the program stored, which decides the tracked type
     * @param target   what does the work: {@code original} itself, or its guarded twin
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object tracked(Object original, Object target, String field, boolean patched) {
        MapShadow shadow = new MapShadow(field, patched);
        if (original instanceof LinkedHashMap) {
            return new TrackedLinkedHashMap((Map) target, shadow);
        }
        if (original instanceof WeakHashMap) {
            return new TrackedWeakHashMap((Map) target, shadow);
        }
        return new TrackedHashMap((Map) target, shadow);
    }
}
