package io.cacheguard.agent.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that rewritten application code calls: the one contract between the rewrite
 * ({@code agent/core}'s {@code transform}) and this package. The rewrite finds the hooks by this
 * annotation and takes their names and descriptors from the methods themselves, never from a list
 * typed twice; a test of {@code agent/core} resolves every call the rewrite emits against the
 * annotated methods, so renaming a hook fails the build instead of the host
 * ({@code NoSuchMethodError}), and a public helper without the annotation is never mistaken for one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Hook {
    Kind value();

    /** How the rewrite calls a hook. */
    enum Kind {
        /** Called by the field rewrite or next to an instruction: {@code Guards}' and {@code Detection}'s entry points. */
        ENTRY,
        /** Stands in for an instance call: the receiver first, then the call's arguments; answers its result. */
        REPLACES_CALL,
        /** Stands in for a static call of {@code CompletableFuture}, with the same arguments. */
        REPLACES_STATIC_CALL,
        /** Called next to a call it does not replace: a thread's start and join, a read-write lock's views. */
        AROUND_CALL
    }
}
