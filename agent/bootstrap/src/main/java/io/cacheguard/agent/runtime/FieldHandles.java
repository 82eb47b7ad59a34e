package io.cacheguard.agent.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the VarHandle of a patched field, for the compare-and-set of lazy initialisation. The
 * handle comes from a private lookup in the field's class, which works for classes in unnamed
 * modules (open to everyone); for a class whose module does not open its package the answer is
 * null and the caller falls back to a plain store.
 */
final class FieldHandles {
    /** Per class, field name → handle; an absent handle is cached as NONE. */
    private static final ClassValue<Map<String, Object>> HANDLES = new ClassValue<>() {
        @Override
        protected Map<String, Object> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };
    private static final Object NONE = new Object();

    private FieldHandles() {
    }

    /** The handle of {@code qualifiedField} ({@code com.acme.Cache.map}) as seen from {@code type}, or null. */
    static VarHandle of(Class<?> type, String qualifiedField) {
        Field field = findField(type, qualifiedField);
        if (field == null) {
            return null;
        }
        Class<?> declaring = field.getDeclaringClass();
        Object handle = HANDLES.get(declaring).computeIfAbsent(field.getName(), name -> {
            try {
                MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(declaring, MethodHandles.lookup());
                return Modifier.isStatic(field.getModifiers())
                        ? lookup.findStaticVarHandle(declaring, name, field.getType())
                        : lookup.findVarHandle(declaring, name, field.getType());
            } catch (ReflectiveOperationException | RuntimeException e) {
                return NONE;
            }
        });
        return handle == NONE ? null : (VarHandle) handle;
    }

    /** The fallback store when no handle can be had: exactly what the unpatched code would have done. */
    static void setPlainly(Object instance, Class<?> type, String qualifiedField, Object value) {
        try {
            Field field = findField(type, qualifiedField);
            if (field != null) {
                field.setAccessible(true);
                field.set(instance, value);
            }
        } catch (Throwable t) {
            Guards.report(qualifiedField, t);
        }
    }

    /** The field named {@code com.acme.Cache.map}, found from {@code type} up its superclasses. */
    static Field findField(Class<?> type, String qualifiedField) {
        int dot = qualifiedField.lastIndexOf('.');
        String ownerName = qualifiedField.substring(0, dot);
        String name = qualifiedField.substring(dot + 1);
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(ownerName)) {
                try {
                    return c.getDeclaredField(name);
                } catch (NoSuchFieldException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
