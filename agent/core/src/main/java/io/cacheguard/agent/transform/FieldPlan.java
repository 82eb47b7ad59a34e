package io.cacheguard.agent.transform;

import java.util.Set;

/** What the rewrite does to the accesses of one field: guard it, or only let the detector watch it. */
final class FieldPlan {
    /** Stores that are lazy initialisations, as {@code method#ordinal} (see {@code FieldReport.lazyInitStores}). */
    final Set<String> lazyStores;
    /** True: stores are guarded (and tracked in mode both); false: stores are only tracked (mode detect). */
    final boolean guard;

    FieldPlan(Set<String> lazyStores, boolean guard) {
        this.lazyStores = lazyStores;
        this.guard = guard;
    }
}
