package io.cacheguard.agent.runtime;

import io.cacheguard.agent.runtime.detector.SyncClock;
import io.cacheguard.agent.runtime.detector.WeakIdentityMap;
import java.util.SortedMap;

/**
 * The clocks of what one key of a concurrent map, or one element of a concurrent queue, publishes. The memory model orders a read of a concurrent collection after the
 * write whose value it sees, and after nothing else: a put releases into its key's object, a get
 * that finds the key acquires from it. One clock for the whole collection, as before, ordered every
 * lookup after every earlier write of any key, and so hid races between threads that only share a
 * registry or a work queue.
 *
 * <p>Striped, so that memory stays bounded whatever the keys: 64 objects a collection, chosen by the
 * key's hash (as a hash map finds it) or the element's identity (as a queue hands it over). Two keys
 * of one stripe are ordered with each other, an over-approximation of one pair in 64. A sorted map
 * finds keys by its comparator, which the hash cannot stand for: it keeps one clock, its first.
 * The stripes are the clocks themselves, kept here as {@link LockSides} keeps a lock's: a hook
 * looks its collection up once, not a second time in the detector's table of clocks.
 */
final class ElementClocks {
    private static final int STRIPES = 64;
    private static final WeakIdentityMap<SyncClock[]> BY_COLLECTION = new WeakIdentityMap<>();

    private ElementClocks() {
    }

    /** The clock a write of {@code key} releases into, and a read that finds it acquires from. */
    static SyncClock ofKey(Object map, Object key) {
        return stripe(map, map instanceof SortedMap || key == null ? 0 : key.hashCode());
    }

    /** The clock an element's insertion releases into, and its removal (or a look at it) acquires from. */
    static SyncClock ofElement(Object queue, Object element) {
        return stripe(queue, System.identityHashCode(element));
    }

    private static SyncClock stripe(Object collection, int hash) {
        SyncClock[] stripes = BY_COLLECTION.computeIfAbsent(collection, c -> newStripes());
        int spread = hash ^ (hash >>> 16); // as HashMap spreads a hash, so neighbouring keys part
        return stripes[spread & (STRIPES - 1)];
    }

    private static SyncClock[] newStripes() {
        SyncClock[] stripes = new SyncClock[STRIPES];
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new SyncClock();
        }
        return stripes;
    }
}
