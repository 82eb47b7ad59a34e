package io.cacheguard.agent.runtime;

import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Guards the raw maps that fields already held when the agent was attached to a running JVM, on
 * their first access through a retransformed method. The raw map is guarded in place (a locked
 * delegate of the same type around the very instance), never copied: threads still inside a method
 * that was running at the swap keep writing it, and a copy would lose their entries or throw.
 *
 * <p>How later reads reach the guard depends on the field:
 * <ul>
 * <li>a non-final field (instance or static): the guard is compare-and-set into the field, so a
 * store of the program that happened meanwhile wins and nothing is overwritten;</li>
 * <li>a final instance field: written by reflection, which the JDK allows for final instance fields
 * of ordinary classes (they are only ever written by a constructor, so no store can race);</li>
 * <li>a static final field: it cannot be written without {@code sun.misc.Unsafe}, and the JIT folds
 * its value into compiled code anyway, so the field keeps the raw map and every retransformed read
 * site swaps it for the guard found in a per-class slot ({@link ClassValue}, so the slot goes away
 * with the class).</li>
 * </ul>
 */
public final class LiveMaps {
    private static volatile boolean enabled;
    private static volatile LiveListener listener = LiveListener.NONE;

    /** Per class that declares (or reads) a static final patched field: qualified field → its slot. */
    private static final ClassValue<Map<String, Slot>> STATIC_FINALS = new ClassValue<>() {
        @Override
        protected Map<String, Slot> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };
    /** Fields already announced: one event per field, however many instances it has. */
    private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();

    private LiveMaps() {
    }

    /** The raw map a static final field holds and the one guard every read site uses for it. */
    private static final class Slot {
        final Object raw;
        final Object guard;

        Slot(Object raw, Object guard) {
            this.raw = raw;
            this.guard = guard;
        }
    }

    /**
     * Called by the attached agent before it retransforms anything: from then on a raw map found in
     * a patched field is guarded in place instead of copied.
     */
    public static void enable(LiveListener events) {
        listener = events;
        enabled = true;
    }

    static boolean enabled() {
        return enabled;
    }

    /** The guard for {@code raw}, found in {@code field} of {@code instance} (null for a static field read through {@code type}). */
    static Object guard(Object instance, Class<?> type, Object raw, String field) {
        try {
            if (type == null) {
                return raw;
            }
            if (instance == null) {
                Slot slot = STATIC_FINALS.get(type).get(field);
                if (slot != null && slot.raw == raw) {
                    return slot.guard; // the hot path of a static final memo after the attach
                }
            }
            if (Guards.UNWRAPPABLE.get(raw.getClass()) != null) {
                return raw;
            }
            Field target = FieldHandles.findField(type, field);
            if (target == null) {
                return raw;
            }
            int modifiers = target.getModifiers();
            if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers)) {
                return staticFinal(type, target, raw, field);
            }
            if (Modifier.isFinal(modifiers)) {
                return finalInstance(target, instance, raw, field);
            }
            return compareAndSet(type, target, instance, raw, field);
        } catch (Throwable t) {
            Guards.report(field, t);
            return raw;
        }
    }

    private static Object staticFinal(Class<?> type, Field target, Object raw, String field) {
        Map<String, Slot> slots = STATIC_FINALS.get(type);
        synchronized (slots) {
            Slot slot = slots.get(field);
            if (slot != null && slot.raw == raw) {
                return slot.guard;
            }
            Object guard = Guards.alsoTracked(raw, inPlace(raw), field);
            slots.put(field, new Slot(raw, guard));
            announce(target, field, raw, guard, "read sites redirected (a static final field keeps the raw map)");
            return guard;
        }
    }

    private static Object finalInstance(Field target, Object instance, Object raw, String field)
            throws IllegalAccessException {
        target.setAccessible(true);
        // Field objects are copies; one monitor per declaring class makes the check-then-set atomic.
        synchronized (STATIC_FINALS.get(target.getDeclaringClass())) {
            Object current = target.get(instance);
            if (current != raw) {
                return current instanceof GuardedMap ? current : raw;
            }
            Object guard = Guards.alsoTracked(raw, inPlace(raw), field);
            target.set(instance, guard);
            announce(target, field, raw, guard, "written back into the field");
            return guard;
        }
    }

    private static Object compareAndSet(Class<?> type, Field target, Object instance, Object raw, String field) {
        VarHandle handle = FieldHandles.of(type, field);
        if (handle == null) {
            return raw; // a module that does not open the class: reported by the store path, left as is
        }
        boolean isStatic = Modifier.isStatic(target.getModifiers());
        Object guard = Guards.alsoTracked(raw, inPlace(raw), field);
        boolean swapped = isStatic ? handle.compareAndSet(raw, guard) : handle.compareAndSet(instance, raw, guard);
        if (swapped) {
            announce(target, field, raw, guard, "written back into the field");
            return guard;
        }
        // Another reader guarded it first, or the program stored a new map: use what the field holds now.
        Object current = isStatic ? handle.getVolatile() : handle.getVolatile(instance);
        return current instanceof GuardedMap ? current : raw;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object inPlace(Object raw) {
        if (raw instanceof LinkedHashMap) {
            return GuardedMaps.linkedHashMap((LinkedHashMap) raw);
        }
        if (raw instanceof WeakHashMap) {
            return GuardedMaps.weakHashMap((WeakHashMap) raw);
        }
        return new GuardedLiveHashMap<>((HashMap) raw);
    }

    private static void announce(Field target, String field, Object raw, Object guard, String how) {
        if (!ANNOUNCED.add(field)) {
            return;
        }
        try {
            int entries = ((Map<?, ?>) guard).size();
            listener.guardedInPlace(field, Modifier.isStatic(target.getModifiers()),
                    Modifier.isFinal(target.getModifiers()), raw.getClass().getName(), entries, how);
        } catch (Throwable ignored) {
            // reporting must never reach the application
        }
    }
}
