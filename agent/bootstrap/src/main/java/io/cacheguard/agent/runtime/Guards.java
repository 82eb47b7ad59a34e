package io.cacheguard.agent.runtime;

import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The calls patched classes make. A store into a patched field passes its value through
 * {@link #guard}; a read passes through {@link #onRead}/{@link #onStaticRead}, which catch a raw map
 * that arrived without a store (reflection, deserialization, {@code Unsafe}) and guard it once.
 *
 * <p>Nothing here may throw into the application: every failure is reported to the listener and
 * the value goes on unchanged, exactly as without the agent.
 */
public final class Guards {
    private static final Map<String, CacheBounds> BOUNDS = new ConcurrentHashMap<>();
    private static volatile CacheBounds defaultBounds = CacheBounds.NONE;
    private static volatile GuardListener listener = GuardListener.NONE;
    /** Mode {@code both}: a guarded map is also tracked by the race detector. */
    private static volatile boolean trackGuarded;

    /** Classes no wrapper can stand for, remembered so a read of such a value costs one lookup. */
    static final ClassValue<String> UNWRAPPABLE = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return whyUnwrappable(type);
        }
    };
    /**
     * The reason for a map that needs no guard: a {@code ConcurrentMap}, a {@code Hashtable} (and
     * {@code Properties}), a synchronized or read-only view, an immutable map. Left as it is, and
     * never reported as left unguarded.
     */
    private static final String SAFE_AS_IS = "";
    /** The JDK's synchronized, unmodifiable and immutable map classes, which have no public names. */
    private static final Set<Class<?>> SAFE_MAP_CLASSES = Set.copyOf(List.<Class<?>>of( // some share a class
            Collections.synchronizedMap(new HashMap<>()).getClass(),
            Collections.synchronizedSortedMap(new TreeMap<>()).getClass(),
            Collections.synchronizedNavigableMap(new TreeMap<>()).getClass(),
            Collections.unmodifiableMap(new HashMap<>()).getClass(),
            Collections.unmodifiableSortedMap(new TreeMap<>()).getClass(),
            Collections.unmodifiableNavigableMap(new TreeMap<>()).getClass(),
            Collections.emptyMap().getClass(), Collections.singletonMap(1, 1).getClass(),
            Map.of().getClass(), Map.of(1, 1).getClass(), Map.of(1, 1, 2, 2).getClass()));
    /** Serializes the rare write-back of a raw map found by a read (reflection, deserialization). */
    private static final Object WRITE_BACK = new Object();
    /** Fields already reported as holding an unwrappable value: one report per field and class. */
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private Guards() {
    }

    /** Set by the agent at start-up, before any patched class runs. */
    public static void configure(CacheBounds defaults, Map<String, CacheBounds> perField, GuardListener events) {
        defaultBounds = defaults;
        BOUNDS.putAll(perField);
        listener = events;
    }

    /** Mode {@code both}: from now on every guarded map is tracked as well. */
    public static void trackGuardedMaps() {
        trackGuarded = true;
    }

    /**
     * The tracked twin of a map about to be stored in a field that is watched but not patched (mode
     * {@code detect}): the program keeps its own map and its own behaviour; the detector sees each use.
     */
    @Hook(Hook.Kind.ENTRY)
    public static Object track(Object value, String field) {
        if (value == null || value instanceof GuardedMap || !detecting()) {
            return value;
        }
        try {
            if (unwrappable(value, field)) {
                return value;
            }
            return Tracking.tracked(value, value, field, false);
        } catch (Throwable t) {
            report(field, t);
            return value;
        }
    }

    /** The thread-safe twin of a map about to be stored in field {@code field} ({@code com.acme.Cache.map}). */
    @Hook(Hook.Kind.ENTRY)
    public static Object guard(Object value, String field) {
        if (value == null || value instanceof GuardedMap) {
            return value;
        }
        try {
            if (unwrappable(value, field)) {
                return value;
            }
            return wrap(value, field);
        } catch (Throwable t) {
            report(field, t);
            return value;
        }
    }

    /** A read of an instance field: the raw map a store never saw is guarded and written back once. */
    @Hook(Hook.Kind.ENTRY)
    public static Object onRead(Object owner, Object value, String field) {
        if (value == null || value instanceof GuardedMap) {
            return value;
        }
        return guardInPlace(owner, owner == null ? null : owner.getClass(), value, field);
    }

    /** A read of a static field, as {@link #onRead}. */
    @Hook(Hook.Kind.ENTRY)
    public static Object onStaticRead(Object value, Class<?> owner, String field) {
        if (value == null || value instanceof GuardedMap) {
            return value;
        }
        return guardInPlace(null, owner, value, field);
    }

    /**
     * A lazy initialisation ({@code if (map == null) map = new HashMap<>()}) made atomic: the map is
     * installed only if the field is still null. The thread that loses adopts the winner's map,
     * since the code reads the field again before using it; its own, empty map is dropped.
     */
    @Hook(Hook.Kind.ENTRY)
    public static void initIfNull(Object owner, Object value, String field) {
        try {
            VarHandle handle = owner == null ? null : FieldHandles.of(owner.getClass(), field);
            if (handle != null) {
                handle.compareAndSet(owner, null, value);
                return;
            }
        } catch (Throwable t) {
            report(field, t);
        }
        FieldHandles.setPlainly(owner, owner == null ? null : owner.getClass(), field, value);
    }

    /**
     * After a lazy initialisation through a local ({@code m = new HashMap<>(); cache = m;}): the map
     * the local should go on with. The field's, if it holds a map of the local's type (the winner's,
     * or this thread's own twin), else this thread's own.
     */
    @Hook(Hook.Kind.ENTRY)
    public static Object adopt(Object inField, Object mine, Class<?> localType) {
        return localType.isInstance(inField) ? inField : mine;
    }

    /** {@link #initIfNull} for a static field. */
    @Hook(Hook.Kind.ENTRY)
    public static void initStaticIfNull(Object value, Class<?> owner, String field) {
        try {
            VarHandle handle = FieldHandles.of(owner, field);
            if (handle != null) {
                handle.compareAndSet(null, value);
                return;
            }
        } catch (Throwable t) {
            report(field, t);
        }
        FieldHandles.setPlainly(null, owner, field, value);
    }

    private static Object guardInPlace(Object instance, Class<?> type, Object raw, String field) {
        if (LiveMaps.enabled()) {
            return LiveMaps.guard(instance, type, raw, field); // attached: guard in place, never copy
        }
        try {
            if (UNWRAPPABLE.get(raw.getClass()) != null || type == null) {
                return raw;
            }
            Field target = FieldHandles.findField(type, field);
            if (target == null || (Modifier.isStatic(target.getModifiers()) && Modifier.isFinal(target.getModifiers()))) {
                return raw; // a static final cannot be written back by reflection
            }
            target.setAccessible(true);
            synchronized (WRITE_BACK) { // Field objects are copies: one monitor makes the check-then-set atomic
                Object current = target.get(instance);
                if (current != raw) {
                    return current; // another thread already guarded it, or the program replaced it
                }
                Object guarded = wrap(raw, field);
                target.set(instance, guarded);
                return guarded;
            }
        } catch (Throwable t) {
            report(field, t);
            return raw;
        }
    }

    /**
     * Whether no wrapper can stand for {@code value}; reported once per field and class, unless the
     * value is safe as it is (a concurrent, synchronized or read-only map), which is no news.
     */
    private static boolean unwrappable(Object value, String field) {
        String why = UNWRAPPABLE.get(value.getClass());
        if (why != null && !why.equals(SAFE_AS_IS) && REPORTED.add(field + " " + value.getClass().getName())) {
            listener.unwrappable(field, value.getClass().getName(), why);
        }
        return why != null;
    }

    /**
     * The guarded twin of {@code value}, tracked too in mode {@code both}. A {@code HashMap} under
     * the lightweight detector carries its watch itself: no tracked wrapper between the field and
     * the table, so a lookup costs the guard's plus one look at the watch's mark.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object wrap(Object value, String field) {
        if (trackGuarded && Watch.enabled() && value instanceof HashMap && !(value instanceof LinkedHashMap)) {
            return new GuardedHashMap<>((HashMap) value, boundsOf(field), Watch.of(field, true, false));
        }
        return alsoTracked(value, guardedTwin(value, field), field);
    }

    /** In mode {@code both}, {@code guarded} (the twin of {@code original}) tracked as well; else itself. */
    static Object alsoTracked(Object original, Object guarded, String field) {
        return trackGuarded && detecting() ? Tracking.tracked(original, guarded, field, true) : guarded;
    }

    /** Whether a detector looks at tracked maps: the watch, or the happens-before detector. */
    private static boolean detecting() {
        return Watch.enabled() || Detection.enabled();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object guardedTwin(Object value, String field) {
        if (value instanceof LinkedHashMap) {
            return GuardedMaps.linkedHashMap((LinkedHashMap) value);
        }
        if (value instanceof WeakHashMap) {
            return GuardedMaps.weakHashMap((WeakHashMap) value);
        }
        return GuardedMaps.hashMap((HashMap) value, boundsOf(field));
    }

    /** The bounds of field {@code field}'s new maps, counting what they evict and expire into the field. */
    private static CacheBounds boundsOf(String field) {
        return BoundedFields.counted(field, BOUNDS.getOrDefault(field, defaultBounds));
    }

    /**
     * Null when a wrapper can stand for values of this class: HashMap itself or a subclass that
     * overrides nothing (double-brace initialisation), which is copied; any LinkedHashMap (its order
     * and removeEldestEntry stay its own, in place); WeakHashMap itself. Otherwise the reason.
     */
    private static String whyUnwrappable(Class<?> type) {
        if (ConcurrentMap.class.isAssignableFrom(type) || Hashtable.class.isAssignableFrom(type)
                || SAFE_MAP_CLASSES.contains(type)) {
            return SAFE_AS_IS;
        }
        if (type == HashMap.class || type == WeakHashMap.class || LinkedHashMap.class.isAssignableFrom(type)) {
            return null;
        }
        if (HashMap.class.isAssignableFrom(type)) {
            for (Class<?> c = type; c != HashMap.class; c = c.getSuperclass()) {
                for (Method method : c.getDeclaredMethods()) {
                    if (!method.isSynthetic() && !Modifier.isStatic(method.getModifiers())) {
                        return "HashMap subclass " + type.getName() + " overrides " + method.getName()
                                + "; copying it into a concurrent map would drop that behaviour";
                    }
                }
            }
            return null;
        }
        if (WeakHashMap.class.isAssignableFrom(type)) {
            return "WeakHashMap subclass " + type.getName() + " is not wrapped";
        }
        return type.getName() + " is not a HashMap, LinkedHashMap or WeakHashMap";
    }

    static void report(String field, Throwable t) {
        try {
            listener.guardFailed(field, t);
        } catch (Throwable ignored) {
            // the listener failing must not reach the application either
        }
    }
}
