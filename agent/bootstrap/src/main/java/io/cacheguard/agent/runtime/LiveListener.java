package io.cacheguard.agent.runtime;

/**
 * How the runtime tells the attached agent that a map a field held before the attach was guarded
 * in place. A separate interface from {@link GuardListener}, so start-up agents never see it.
 */
public interface LiveListener {
    LiveListener NONE = (field, isStatic, isFinal, valueClass, entries, how) -> {
    };

    /**
     * The first live map of {@code field} was guarded on its first access after the attach; later
     * ones (other instances of the same class) are not announced again.
     *
     * @param how how later reads reach the guard: written back into the field, or read sites redirected
     */
    void guardedInPlace(String field, boolean isStatic, boolean isFinal, String valueClass, int entries, String how);
}
