package io.cacheguard.detector;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A map from objects, by identity and weakly, to state about them (a lock's clock, a thread's
 * state, a future's task): an object that dies takes its entry with it. Not thread-safe; callers
 * hold a monitor while they use it. A value must not refer to its own key, or the key never dies.
 */
public final class WeakIdentityMap<V> {
    private final Map<Key, V> entries = new HashMap<>();
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

    public V get(Object key) {
        expunge();
        return entries.get(new Key(key, null));
    }

    public void put(Object key, V value) {
        expunge();
        entries.put(new Key(key, collected), value);
    }

    public V computeIfAbsent(Object key, Function<Object, V> create) {
        V value = get(key);
        if (value == null) {
            value = create.apply(key);
            entries.put(new Key(key, collected), value);
        }
        return value;
    }

    public V remove(Object key) {
        expunge();
        return entries.remove(new Key(key, null));
    }

    public int size() {
        expunge();
        return entries.size();
    }

    private void expunge() {
        for (Object dead = collected.poll(); dead != null; dead = collected.poll()) {
            entries.remove(dead);
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
