package io.cacheguard.agent.transform;

import java.util.Set;

/** What the rewrite does to the accesses of one field: guard it, or only let the detector watch it. */
final class FieldPlan {
    /** Stores that are lazy initialisations, as {@code method#ordinal} (see {@code FieldReport.lazyInitStores}). */
    final Set<String> lazyStores;
    /** True: stores are guarded (and tracked in mode both); false: stores are only tracked (mode detect). */
    final boolean guard;
    /** The class that declares the field (internal name), when it is reached through a subclass; else null. */
    final String declaringClass;

    FieldPlan(Set<String> lazyStores, boolean guard) {
        this(lazyStores, guard, null);
    }

    private FieldPlan(Set<String> lazyStores, boolean guard, String declaringClass) {
        this.lazyStores = lazyStores;
        this.guard = guard;
        this.declaringClass = declaringClass;
    }

    /**
     * The plan for the same field reached through a subclass ({@code putfield Sub.map}). Its lazy
     * initialisations are the declaring class's methods, never the subclass's.
     */
    FieldPlan inheritedFrom(String declaring) {
        return new FieldPlan(Set.of(), guard, declaring);
    }
}
