package io.cacheguard.agent.injector;

import java.lang.reflect.Method;

/**
 * Defines classes in the bootstrap class loader. It runs inside a module of its own, created by the
 * agent at start-up, to which (and only to which) java.base exports {@code jdk.internal.misc}; the
 * application's modules gain no access to anything.
 *
 * <p>Why not {@code Instrumentation.appendToBootstrapClassLoaderSearch}: appending to the boot path
 * after start-up makes HotSpot print a warning and turn class-data sharing off for every class
 * outside the boot loader, which costs the host start-up time.
 */
public final class BootDefiner {
    private BootDefiner() {
    }

    /**
     * Defines each class in order (supertypes first) with the bootstrap loader.
     *
     * @return for each class, null if it was defined, or why not
     */
    public static String[] define(String[] names, byte[][] classFiles) throws ReflectiveOperationException {
        Class<?> unsafeClass = Class.forName("jdk.internal.misc.Unsafe");
        Object unsafe = unsafeClass.getMethod("getUnsafe").invoke(null);
        Method define = unsafeClass.getMethod("defineClass", String.class, byte[].class, int.class, int.class,
                ClassLoader.class, java.security.ProtectionDomain.class);
        String[] failures = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            try {
                define.invoke(unsafe, names[i], classFiles[i], 0, classFiles[i].length, null, null);
            } catch (java.lang.reflect.InvocationTargetException e) {
                failures[i] = String.valueOf(e.getCause());
            }
        }
        return failures;
    }
}
