package io.cacheguard.agent.runtime;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the bounded maps of one patched field did: the entries they evicted to keep within
 * {@code maximumSize}, the entries they dropped as expired, and the entries they hold now. Shared
 * by every map of the field (an instance field has one per owner), so counting costs nothing per
 * map; the JMX view, {@code status} and the Flight Recorder Summary read it.
 *
 * <p>Counters are bumped only where an entry leaves its map, never on a read that finds its entry
 * live: a {@link LongAdder}, because several maps of one field may evict at once. The maps
 * themselves are held weakly (for their sizes), so a field's counts never keep its owners alive;
 * references to collected maps are dropped as new maps arrive and as the size is read.
 */
public final class BoundedMapCounts {
    private final LongAdder evictions = new LongAdder();
    private final LongAdder expiries = new LongAdder();
    private final Set<Reference<BoundedConcurrentMap<?, ?>>> maps = ConcurrentHashMap.newKeySet();
    private final ReferenceQueue<BoundedConcurrentMap<?, ?>> collected = new ReferenceQueue<>();

    void opened(BoundedConcurrentMap<?, ?> map) {
        forgetCollected();
        maps.add(new WeakReference<>(map, collected));
    }

    void evicted() {
        evictions.increment();
    }

    void expired() {
        expiries.increment();
    }

    /** Entries removed to keep a map within its {@code maximumSize}. */
    public long evictions() {
        return evictions.sum();
    }

    /** Entries removed because they expired: found expired by a read, a write or the tidying. */
    public long expiries() {
        return expiries.sum();
    }

    /**
     * Entries held by the live maps, those expired but not yet tidied included: what the maps cost
     * in memory now. Not {@code size()}, which would drop the expired entries it meets, so that
     * looking would change what is looked at (and count expiries).
     */
    public long entries() {
        forgetCollected();
        long entries = 0;
        for (Reference<BoundedConcurrentMap<?, ?>> reference : maps) {
            BoundedConcurrentMap<?, ?> map = reference.get();
            if (map != null) {
                entries += map.storedEntries();
            }
        }
        return entries;
    }

    /** The maps alive now: how many owners the field has. */
    public int maps() {
        forgetCollected();
        int live = 0;
        for (Reference<BoundedConcurrentMap<?, ?>> reference : maps) {
            if (reference.get() != null) {
                live++;
            }
        }
        return live;
    }

    private void forgetCollected() {
        for (Reference<?> gone = collected.poll(); gone != null; gone = collected.poll()) {
            maps.remove(gone);
        }
    }
}
