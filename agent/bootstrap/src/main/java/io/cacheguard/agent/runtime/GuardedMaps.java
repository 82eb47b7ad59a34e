package io.cacheguard.agent.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.WeakHashMap;

/**
 * Turns a legacy map into its guarded twin of the same type. A map that is already guarded is
 * returned as it is, so no path ever wraps twice.
 */
public final class GuardedMaps {
    /**
     * The guarded LinkedHashMap's constructor for this JDK. From JDK 21 on, LinkedHashMap is a
     * SequencedMap and needs the subclass that overrides those methods; that subclass is compiled
     * separately (it names JDK 21 types) and is therefore found by name.
     */
    private static final MethodHandle NEW_LINKED = linkedConstructor();

    private GuardedMaps() {
    }

    /** A ConcurrentHashMap-backed copy of {@code raw} with the given bounds. */
    public static <K, V> HashMap<K, V> hashMap(HashMap<K, V> raw, CacheBounds bounds) {
        if (raw == null || raw instanceof GuardedMap) {
            return raw;
        }
        return new GuardedHashMap<>(raw, bounds);
    }

    /** Guards {@code raw} in place, keeping its order, access order and eviction policy. */
    public static <K, V> LinkedHashMap<K, V> linkedHashMap(LinkedHashMap<K, V> raw) {
        if (raw == null || raw instanceof GuardedMap) {
            return raw;
        }
        try {
            @SuppressWarnings("unchecked")
            LinkedHashMap<K, V> guarded = (LinkedHashMap<K, V>) NEW_LINKED.invoke(raw);
            return guarded;
        } catch (Throwable t) {
            throw new IllegalStateException("cannot guard " + raw.getClass().getName(), t);
        }
    }

    private static MethodHandle linkedConstructor() {
        String name = Runtime.version().feature() >= 21
                ? "io.cacheguard.agent.runtime.SequencedGuardedLinkedHashMap"
                : "io.cacheguard.agent.runtime.GuardedLinkedHashMap";
        try {
            Class<?> type = Class.forName(name, true, GuardedMaps.class.getClassLoader());
            return MethodHandles.lookup()
                    .findConstructor(type, MethodType.methodType(void.class, LinkedHashMap.class))
                    .asType(MethodType.methodType(LinkedHashMap.class, LinkedHashMap.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Guards {@code raw} in place, keeping its weak keys. */
    public static <K, V> WeakHashMap<K, V> weakHashMap(WeakHashMap<K, V> raw) {
        if (raw == null || raw instanceof GuardedMap) {
            return raw;
        }
        return new GuardedWeakHashMap<>(raw);
    }
}
