package io.cacheguard.agent.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.LinkedHashMap;

/**
 * Whether a map's {@code get} changes it: an access-ordered {@link LinkedHashMap} moves the entry it
 * finds to the end, so two lookups at once corrupt it as two puts would. The flag is private to
 * {@code java.util}; the agent opens that package to the runtime when the watch is on. Where it is
 * not open, every {@code get} counts as a read: a race between two lookups is then missed, and
 * no false one is ever reported.
 */
final class AccessOrder {
    private static final VarHandle ACCESS_ORDER = accessOrderField();

    private AccessOrder() {
    }

    private static VarHandle accessOrderField() {
        try {
            return MethodHandles.privateLookupIn(LinkedHashMap.class, MethodHandles.lookup())
                    .findVarHandle(LinkedHashMap.class, "accessOrder", boolean.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Whether lookups change {@code map}, the original or the guarded twin of one (which keeps its original's order). */
    static boolean reorders(Object map) {
        Object original = map instanceof GuardedLinkedHashMap ? ((GuardedLinkedHashMap<?, ?>) map).delegate.map : map;
        return ACCESS_ORDER != null && original instanceof LinkedHashMap
                && (boolean) ACCESS_ORDER.get((LinkedHashMap<?, ?>) original);
    }
}
