package io.cacheguard.agent.analysis;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.tree.analysis.Value;

/**
 * An abstract value: its size in slots and the set of places it may have come from. Merging two
 * paths unions their origins, so a value that is "the cache field" on one path and a fresh map on
 * the other still counts as a use of the field.
 */
final class OriginValue implements Value {
    /** Past this many origins a value is treated as coming from anywhere, to bound the analysis. */
    private static final int MAX_ORIGINS = 8;

    static final OriginValue UNINITIALIZED = new OriginValue(1, Set.of());
    static final OriginValue ONE_SLOT = new OriginValue(1, Set.of());
    static final OriginValue TWO_SLOTS = new OriginValue(2, Set.of());

    final int size;
    final Set<Origin> origins;

    OriginValue(int size, Set<Origin> origins) {
        this.size = size;
        this.origins = origins;
    }

    static OriginValue of(int size, Origin origin) {
        return new OriginValue(size, Set.of(origin));
    }

    static OriginValue plain(int size) {
        return size == 2 ? TWO_SLOTS : ONE_SLOT;
    }

    @Override
    public int getSize() {
        return size;
    }

    OriginValue merge(OriginValue other) {
        if (other.origins.isEmpty() || origins.containsAll(other.origins)) {
            return size == other.size ? this : new OriginValue(Math.min(size, other.size), origins);
        }
        Set<Origin> union = new HashSet<>(origins);
        union.addAll(other.origins);
        if (union.size() > MAX_ORIGINS) {
            union.removeIf(o -> !o.isField()); // the field origins are the ones that matter
        }
        return new OriginValue(Math.min(size, other.size), Collections.unmodifiableSet(union));
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof OriginValue)) {
            return false;
        }
        OriginValue other = (OriginValue) o;
        return other.size == size && other.origins.size() == origins.size() && other.origins.equals(origins);
    }

    @Override
    public int hashCode() {
        return size * 31 + origins.hashCode();
    }

    @Override
    public String toString() {
        return origins.toString();
    }
}
