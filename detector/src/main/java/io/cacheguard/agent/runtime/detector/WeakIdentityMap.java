package io.cacheguard.agent.runtime.detector;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.function.Function;

/**
 * A map from objects, by identity and weakly, to state about them (a lock's clock, a thread's
 * state, a future's task): an object that dies takes its entry with it. Thread-safe, and built for
 * the detector's hot path: the table is split into segments locked separately, so threads using
 * different locks do not meet, and a lookup allocates nothing. A value must not refer to its own
 * key, or the key never dies.
 */
public final class WeakIdentityMap<V> {
    private static final int SEGMENTS = 64;

    @SuppressWarnings("unchecked")
    private final Segment<V>[] segments = new Segment[SEGMENTS];

    public WeakIdentityMap() {
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = new Segment<>();
        }
    }

    public V get(Object key) {
        int hash = System.identityHashCode(key);
        return segmentFor(hash).get(key, hash);
    }

    public void put(Object key, V value) {
        int hash = System.identityHashCode(key);
        segmentFor(hash).put(key, hash, value);
    }

    /** The value for {@code key}, created by {@code create} (under the segment's lock) if there is none. */
    public V computeIfAbsent(Object key, Function<Object, V> create) {
        int hash = System.identityHashCode(key);
        return segmentFor(hash).computeIfAbsent(key, hash, create);
    }

    public V remove(Object key) {
        int hash = System.identityHashCode(key);
        return segmentFor(hash).remove(key, hash);
    }

    /** Live entries; dead ones are dropped first. */
    public int size() {
        int size = 0;
        for (Segment<V> segment : segments) {
            size += segment.size();
        }
        return size;
    }

    private Segment<V> segmentFor(int hash) {
        return segments[(hash ^ (hash >>> 16)) & (SEGMENTS - 1)];
    }

    /** One chained hash table of weak entries, guarded by its own monitor. */
    private static final class Segment<V> {
        private final ReferenceQueue<Object> collected = new ReferenceQueue<>();
        @SuppressWarnings("unchecked")
        private Entry<V>[] table = new Entry[8];
        private int size;

        synchronized V get(Object key, int hash) {
            Entry<V> e = find(key, hash);
            return e == null ? null : e.value;
        }

        synchronized void put(Object key, int hash, V value) {
            Entry<V> e = find(key, hash);
            if (e != null) {
                e.value = value;
            } else {
                insert(key, hash, value);
            }
        }

        synchronized V computeIfAbsent(Object key, int hash, Function<Object, V> create) {
            Entry<V> e = find(key, hash);
            if (e != null) {
                return e.value;
            }
            V value = create.apply(key);
            insert(key, hash, value);
            return value;
        }

        synchronized V remove(Object key, int hash) {
            int index = hash & (table.length - 1);
            for (Entry<V> e = table[index], previous = null; e != null; previous = e, e = e.next) {
                if (e.hash == hash && e.get() == key) {
                    V value = e.value;
                    unlink(index, previous, e);
                    return value;
                }
            }
            return null;
        }

        synchronized int size() {
            expunge();
            return size;
        }

        private Entry<V> find(Object key, int hash) {
            for (Entry<V> e = table[hash & (table.length - 1)]; e != null; e = e.next) {
                if (e.hash == hash && e.get() == key) {
                    return e;
                }
            }
            return null;
        }

        private void insert(Object key, int hash, V value) {
            expunge();
            if (size >= table.length * 3 / 4) {
                resize();
            }
            int index = hash & (table.length - 1);
            table[index] = new Entry<>(key, hash, value, table[index], collected);
            size++;
        }

        private void unlink(int index, Entry<V> previous, Entry<V> e) {
            if (previous == null) {
                table[index] = e.next;
            } else {
                previous.next = e.next;
            }
            e.value = null;
            size--;
        }

        /** Drops the entries whose key the collector cleared. */
        @SuppressWarnings("unchecked")
        private void expunge() {
            for (Object dead = collected.poll(); dead != null; dead = collected.poll()) {
                Entry<V> gone = (Entry<V>) dead;
                int index = gone.hash & (table.length - 1);
                for (Entry<V> e = table[index], previous = null; e != null; previous = e, e = e.next) {
                    if (e == gone) {
                        unlink(index, previous, e);
                        break;
                    }
                }
            }
        }

        @SuppressWarnings("unchecked")
        private void resize() {
            Entry<V>[] old = table;
            table = new Entry[old.length * 2];
            for (Entry<V> head : old) {
                for (Entry<V> e = head; e != null;) {
                    Entry<V> next = e.next;
                    int index = e.hash & (table.length - 1);
                    e.next = table[index];
                    table[index] = e;
                    e = next;
                }
            }
        }
    }

    /** A weak, identity-compared entry. */
    private static final class Entry<V> extends WeakReference<Object> {
        final int hash;
        V value;
        Entry<V> next;

        Entry(Object key, int hash, V value, Entry<V> next, ReferenceQueue<Object> queue) {
            super(key, queue);
            this.hash = hash;
            this.value = value;
            this.next = next;
        }
    }
}
