package io.cacheguard.agent.runtime;

import io.cacheguard.agent.runtime.detector.MapShadow;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;

/** Makes the tracked twin of a map: same declared type, the map itself (or its guard) doing the work. */
final class Tracking {
    /**
     * The tracked LinkedHashMap's constructor for this JDK: from JDK 21 on, the subclass that also
     * forwards the SequencedMap methods (compiled separately, so found by name).
     */
    private static final MethodHandle NEW_LINKED = linkedConstructor();

    private Tracking() {
    }

    private static MethodHandle linkedConstructor() {
        String name = Runtime.version().feature() >= 21
                ? "io.cacheguard.agent.runtime.SequencedTrackedLinkedHashMap"
                : "io.cacheguard.agent.runtime.TrackedLinkedHashMap";
        try {
            Class<?> type = Class.forName(name, true, Tracking.class.getClassLoader());
            return MethodHandles.lookup()
                    .findConstructor(type, MethodType.methodType(void.class, Map.class, MapShadow.class))
                    .asType(MethodType.methodType(LinkedHashMap.class, Map.class, MapShadow.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * @param original the value the program stored, which decides the tracked type
     * @param target   what does the work: {@code original} itself, or its guarded twin
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object tracked(Object original, Object target, String field, boolean patched) {
        MapShadow shadow = new MapShadow(field, patched);
        if (original instanceof LinkedHashMap) {
            try {
                return (LinkedHashMap) NEW_LINKED.invoke((Map) target, shadow);
            } catch (Throwable t) {
                throw new IllegalStateException("cannot track " + original.getClass().getName(), t);
            }
        }
        if (original instanceof WeakHashMap) {
            return new TrackedWeakHashMap((Map) target, shadow);
        }
        return new TrackedHashMap((Map) target, shadow);
    }
}
