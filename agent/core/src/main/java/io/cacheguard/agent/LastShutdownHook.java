package io.cacheguard.agent;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;

/**
 * Runs the agent's exit work after every shutdown hook of the application has finished, so that
 * {@code failOnRace} can end the JVM with its own status without cutting the application's hooks
 * short (a {@code Runtime.halt} inside an ordinary hook stops the others mid-way, and
 * {@code System.exit} there blocks forever).
 *
 * <p>The JDK runs its shutdown in slots, one after the other: the console, then every application
 * hook (started together, then joined), then {@code deleteOnExit}. A hook in a later slot runs
 * once all of those are done. Slots are registered through {@code jdk.internal.access}, which
 * {@code java.base} exports to the agent's module for this alone, and only when
 * {@code failOnRace} asks for it.
 */
final class LastShutdownHook {
    /** The slots after the JDK's own (0 to 2); the first free one is taken. */
    private static final int FIRST_SLOT = 3;
    private static final int LAST_SLOT = 9;

    private LastShutdownHook() {
    }

    /**
     * Registers {@code work} to run after the application's hooks.
     *
     * @return null when registered, else why not (the caller falls back to an ordinary hook)
     */
    static String register(Instrumentation instrumentation, Runnable work) {
        try {
            Module base = Object.class.getModule();
            Module agent = LastShutdownHook.class.getModule();
            instrumentation.redefineModule(base, Set.of(), Map.of("jdk.internal.access", Set.of(agent)), Map.of(),
                    Set.of(), Map.of());
            Class<?> secrets = Class.forName("jdk.internal.access.SharedSecrets");
            Object javaLang = secrets.getMethod("getJavaLangAccess").invoke(null);
            Method registerHook = Class.forName("jdk.internal.access.JavaLangAccess")
                    .getMethod("registerShutdownHook", int.class, boolean.class, Runnable.class);
            RuntimeException last = null;
            for (int slot = LAST_SLOT; slot >= FIRST_SLOT; slot--) {
                try {
                    registerHook.invoke(javaLang, slot, false, work);
                    return null;
                } catch (java.lang.reflect.InvocationTargetException taken) {
                    last = taken.getCause() instanceof RuntimeException
                            ? (RuntimeException) taken.getCause() : new IllegalStateException(taken.getCause());
                }
            }
            return "no free shutdown slot (" + last + ")";
        } catch (ReflectiveOperationException | RuntimeException e) {
            return String.valueOf(e);
        }
    }
}
