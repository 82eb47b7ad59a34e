package io.cacheguard.agent.runtime;

import io.cacheguard.agent.runtime.detector.WeakIdentityMap;
import java.util.SortedMap;

/**
 * The synchronization objects that stand for what one key of a concurrent map, or one element of a
 * concurrent queue, publishes. The memory model orders a read of a concurrent collection after the
 * write whose value it sees, and after nothing else: a put releases into its key's object, a get
 * that finds the key acquires from it. One clock for the whole collection, as before, ordered every
 * lookup after every earlier write of any key, and so hid races between threads that only share a
 * registry or a work queue.
 *
 * <p>Striped, so that memory stays bounded whatever the keys: 64 objects a collection, chosen by the
 * key's hash (as a hash map finds it) or the element's identity (as a queue hands it over). Two keys
 * of one stripe are ordered with each other, an over-approximation of one pair in 64. A sorted map
 * finds keys by its comparator, which the hash cannot stand for: it keeps one clock, the map itself.
 */
final class ElementClocks {
    private static final int STRIPES = 64;
    private static final WeakIdentityMap<Object[]> BY_COLLECTION = new WeakIdentityMap<>();

    private ElementClocks() {
    }

    /** The object a write of {@code key} releases into, and a read that finds it acquires from. */
    static Object ofKey(Object map, Object key) {
        if (map instanceof SortedMap) {
            return map;
        }
        return stripe(map, key == null ? 0 : key.hashCode());
    }

    /** The object an element's insertion releases into, and its removal (or a look at it) acquires from. */
    static Object ofElement(Object queue, Object element) {
        return stripe(queue, System.identityHashCode(element));
    }

    private static Object stripe(Object collection, int hash) {
        Object[] stripes = BY_COLLECTION.computeIfAbsent(collection, c -> newStripes());
        int spread = hash ^ (hash >>> 16); // as HashMap spreads a hash, so neighbouring keys part
        return stripes[spread & (STRIPES - 1)];
    }

    private static Object[] newStripes() {
        Object[] stripes = new Object[STRIPES];
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
        return stripes;
    }
}
