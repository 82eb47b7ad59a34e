package io.cacheguard.detector;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

/**
 * The vector clock of each synchronization object (a monitor, a lock, a volatile's holder), by
 * identity and weakly: a lock that dies takes its clock with it. Not thread-safe by itself; the
 * detector holds this table's monitor while it uses it.
 */
final class SyncClocks {
    private final Map<Key, VectorClock> clocks = new HashMap<>();
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

    /** The clock of {@code sync}, created empty on first use. */
    VectorClock of(Object sync) {
        expunge();
        Key key = new Key(sync, collected);
        VectorClock clock = clocks.get(key);
        if (clock == null) {
            clock = new VectorClock();
            clocks.put(key, clock);
        }
        return clock;
    }

    int size() {
        expunge();
        return clocks.size();
    }

    private void expunge() {
        for (Object dead = collected.poll(); dead != null; dead = collected.poll()) {
            clocks.remove(dead);
        }
    }

    /** A weak, identity-compared key; once cleared it equals only itself. */
    private static final class Key extends WeakReference<Object> {
        private final int hash;

        Key(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public boolean equals(Object o) {
            if (o == this) {
                return true;
            }
            if (!(o instanceof Key)) {
                return false;
            }
            Object mine = get();
            return mine != null && mine == ((Key) o).get();
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
