package io.cacheguard.agent.runtime;

import static io.cacheguard.agent.runtime.NullMask.NULL;
import static io.cacheguard.agent.runtime.NullMask.mask;
import static io.cacheguard.agent.runtime.NullMask.unmask;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The null-tolerant concurrent map with {@link CacheBounds}: entries past their expiry are invisible
 * to every operation, and the map holds about {@code maximumSize} entries at most.
 *
 * <p>Reads never lock: they check the entry's timestamps and set a "referenced" bit. Eviction is a
 * CLOCK hand over a queue of entries in insertion order (second chance for entries read since the
 * hand last passed, so it approximates LRU), advanced by writers under a {@code tryLock}: a writer
 * that finds another one evicting goes on, and a reader never waits. The hand moves only to evict;
 * a separate cursor walks the queue a few steps after every write and unlinks removed and expired
 * entries, so memory follows the live size without reordering the queue (a hand that turned on
 * every write would lap a small queue and evict the newest entries as readily as the oldest).
 */
final class BoundedConcurrentMap<K, V> extends AbstractMap<K, V> {
    /**
     * Queue slots the tidying cursor inspects after each write. More than one: every write adds at
     * most one dead slot (a removed or replaced entry), so the cursor outpaces the garbage.
     */
    private static final int HOUSEKEEPING_STEPS = 2;
    /**
     * Slots tidied by a write that adds none (an overwrite, a removal): as many per such write on
     * average as an insert's, in bursts one write in {@link #OCCASIONAL_ONE_IN} takes on, so that two
     * threads overwriting seldom contend for the hand's lock (measured on 50/50 get/put at 2 threads).
     */
    private static final int OCCASIONAL_STEPS = 8;
    private static final int OCCASIONAL_ONE_IN = 256;
    /** The top bits of a mixed clock reading that are all zero one time in {@link #OCCASIONAL_ONE_IN}. */
    private static final int OCCASIONAL_SHIFT = 64 - Integer.numberOfTrailingZeros(OCCASIONAL_ONE_IN);
    /** An update function's answer meaning "leave the entry exactly as it is". */
    private static final Object KEEP = new Object();

    private final ConcurrentHashMap<Object, Node> table = new ConcurrentHashMap<>();
    /**
     * The CLOCK queue, only when bounded by size: a map that only expires tidies by walking its
     * table instead, and saves a queue node per entry and an enqueue per insert.
     */
    private final ConcurrentLinkedQueue<Node> clock;
    private final ReentrantLock handLock = new ReentrantLock();
    /** Where tidying goes on, over the queue or the table; guarded by {@link #handLock}. */
    private Iterator<Node> tidyCursor;
    private final CacheBounds bounds;
    private final Ticker ticker;
    private final long maximumSize;
    private final long expireAfterWrite;
    private final long expireAfterAccess;
    private final boolean expires;
    /**
     * The field's counts of what leaves this map, or null when nobody reads them (a map made
     * directly, not for a patched field). Bumped only where an entry is removed, never on a hit.
     */
    private final BoundedMapCounts counts;

    BoundedConcurrentMap(CacheBounds bounds) {
        this.bounds = bounds;
        this.ticker = bounds.ticker();
        this.maximumSize = bounds.maximumSize();
        this.expireAfterWrite = bounds.expireAfterWriteNanos();
        this.expireAfterAccess = bounds.expireAfterAccessNanos();
        this.expires = expireAfterWrite >= 0 || expireAfterAccess >= 0;
        this.clock = maximumSize >= 0 ? new ConcurrentLinkedQueue<>() : null;
        this.counts = bounds.counts();
        if (counts != null) {
            counts.opened(this);
        }
    }

    /**
     * One entry. Its value is written with release and read with acquire semantics, and its
     * timestamps opaquely: volatile writes would put a full fence on every put and every read of an
     * access-expiring map, and a timestamp read a moment late only moves an expiry by that moment.
     * Writers change a node only under its monitor, so they never race each other; a node leaves
     * the table only under its monitor too, marked dead, so a put that finds it live under the
     * monitor is never lost to a concurrent removal.
     */
    private static final class Node {
        private static final VarHandle VALUE;
        private static final VarHandle WRITE_TIME;
        private static final VarHandle ACCESS_TIME;

        static {
            try {
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                VALUE = lookup.findVarHandle(Node.class, "value", Object.class);
                WRITE_TIME = lookup.findVarHandle(Node.class, "writeTime", long.class);
                ACCESS_TIME = lookup.findVarHandle(Node.class, "accessTime", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        final Object key; // unmasked, as the caller gave it
        /** Out of the table for good; set under this node's monitor, so an in-place put never revives it. */
        boolean dead;
        private Object value; // masked
        private long writeTime;
        private long accessTime;
        volatile boolean referenced;

        Node(Object key, Object value, long now) {
            this.key = key;
            this.value = value;
            this.writeTime = now;
            this.accessTime = now;
        }

        Object value() {
            return VALUE.getAcquire(this);
        }

        void value(Object newValue) {
            VALUE.setRelease(this, newValue);
        }

        long writeTime() {
            return (long) WRITE_TIME.getOpaque(this);
        }

        long accessTime() {
            return (long) ACCESS_TIME.getOpaque(this);
        }

        void written(long now, boolean tracksAccess) {
            WRITE_TIME.setOpaque(this, now);
            if (tracksAccess) {
                ACCESS_TIME.setOpaque(this, now); // a write is an access too; unread otherwise
            }
        }

        void accessed(long now) {
            ACCESS_TIME.setOpaque(this, now);
        }
    }

    /** What one atomic update saw and left: masked values, null for "no mapping". */
    private static final class Outcome {
        Object previous;
        Object current;
        Node created;
        /** The key's node had expired: this update took it out (an expiry, whatever it wrote). */
        boolean expired;
    }

    private long now() {
        return expires ? ticker.read() : 0L;
    }

    private boolean isExpired(Node node, long now) {
        return (expireAfterWrite >= 0 && now - node.writeTime() >= expireAfterWrite)
                || (expireAfterAccess >= 0 && now - node.accessTime() >= expireAfterAccess);
    }

    /** The live node for a key, recording the access; an expired node is removed on the way. */
    private Node readLive(Object key, boolean recordAccess) {
        Object maskedKey = mask(key);
        Node node = table.get(maskedKey);
        if (node == null) {
            return null;
        }
        long now = now();
        if (isExpired(node, now)) {
            unlinkIfExpired(maskedKey, node, now); // a put that renewed it since stays; this read came first
            return null;
        }
        if (recordAccess) {
            if (expireAfterAccess >= 0) {
                node.accessed(now);
            }
            if (maximumSize >= 0 && !node.referenced) {
                node.referenced = true; // the CLOCK bit: only eviction by size reads it
            }
        }
        return node;
    }

    /**
     * The single atomic write primitive. {@code remapping} receives the masked live value or null
     * when there is none, and answers the masked new value, null to remove, or {@link #KEEP}.
     */
    private Outcome update(K key, UnaryOperator<Object> remapping) {
        long now = now();
        Outcome outcome = new Outcome();
        table.compute(mask(key), (maskedKey, node) -> {
            if (node == null) {
                return apply(key, null, null, remapping, outcome, now);
            }
            synchronized (node) {
                boolean expired = isExpired(node, now);
                Node result = apply(key, node, expired ? null : node.value(), remapping, outcome, now);
                if (result != node) {
                    node.dead = true;
                    outcome.expired = expired; // an expired node never stays: apply saw no previous value
                }
                return result;
            }
        });
        if (outcome.expired) {
            countExpiry();
        }
        if (outcome.created != null) {
            inserted(outcome.created, now);
        } else {
            changedInPlace(now);
        }
        return outcome;
    }

    /** Queues a new entry for the hand (when bounded by size) and lets the hand move. */
    private void inserted(Node created, long now) {
        if (clock != null) {
            clock.add(created);
        }
        advanceHand(now, HOUSEKEEPING_STEPS);
    }

    /**
     * After a write that added no entry (an overwrite, a removal): it adds nothing to evict, so the
     * hand moves only when the map is over its bound, and otherwise tidies now and then.
     */
    private void changedInPlace(long now) {
        if (overSize()) {
            advanceHand(now, HOUSEKEEPING_STEPS);
        } else if (occasionally(now)) {
            advanceHand(now, OCCASIONAL_STEPS);
        }
    }

    /** One update's decision on a key's node (held under its monitor when there is one). */
    private Node apply(K key, Node node, Object previous, UnaryOperator<Object> remapping, Outcome outcome, long now) {
        outcome.previous = previous;
        Object next = remapping.apply(previous);
        if (next == KEEP) {
            outcome.current = previous;
            return previous == null ? null : node;
        }
        outcome.current = next;
        if (next == null) {
            return null;
        }
        if (previous != null) {
            node.value(next);
            node.written(now, expireAfterAccess >= 0);
            return node;
        }
        Node created = new Node(key, next, now);
        outcome.created = created;
        return created;
    }

    /**
     * Takes {@code node} out of the table if it is still the key's node, marking it dead; true if
     * this call took it out. (A null from {@code computeIfPresent} cannot tell: it also means the
     * key was gone already, so the lambda says.)
     */
    private boolean unlink(Object maskedKey, Node node) {
        boolean[] removed = new boolean[1];
        table.computeIfPresent(maskedKey, (k, current) -> {
            if (current != node) {
                return current;
            }
            synchronized (node) {
                node.dead = true;
            }
            removed[0] = true;
            return null;
        });
        return removed[0];
    }

    /**
     * Takes {@code node} out of the table if it is still the key's node and still expired, judged
     * again under its monitor. The caller judged expiry without it: a put that renewed the node in
     * place since then (under that monitor) must not be lost to the removal (Caffeine's
     * {@code evictEntry} looks again the same way, inside its {@code computeIfPresent}).
     */
    private void unlinkIfExpired(Object maskedKey, Node node, long now) {
        boolean[] removed = new boolean[1];
        table.computeIfPresent(maskedKey, (k, current) -> {
            if (current != node) {
                return current;
            }
            synchronized (node) {
                if (!isExpired(node, now)) {
                    return node; // renewed: it stays
                }
                node.dead = true;
            }
            removed[0] = true;
            return null;
        });
        if (removed[0]) {
            countExpiry();
        }
    }

    /**
     * Evicts down to the size bound and tidies a few queue slots; skipped if another writer is at it.
     * A writer whose {@code tryLock} failed relies on the holder, which may just have finished its
     * sweep before that writer's entry arrived: so the holder looks again after unlocking, and only
     * stops when the map is within bounds or every entry over the bound is still on its way into the
     * queue (its own writer then sweeps). Without that second look the map could stay above
     * {@code maximumSize} after the last write.
     */
    private void advanceHand(long now, int tidySteps) {
        do {
            if (!handLock.tryLock()) {
                return;
            }
            try {
                sweep(now, tidySteps);
            } finally {
                handLock.unlock();
            }
        } while (overSize() && !clock.isEmpty()); // overSize() implies a size bound, so a queue
    }

    private void sweep(long now, int tidySteps) {
        tidy(now, tidySteps);
        // Readers can set referenced bits as fast as the hand clears them. After about two turns of
        // second chances (table.size(), not clock.size(): the queue's size() walks the whole queue)
        // the hand evicts what it finds, so an over-full map always shrinks.
        long secondChances = 2L * table.size() + 1;
        while (overSize()) {
            Node node = clock.poll();
            if (node == null) {
                return;
            }
            Object maskedKey = mask(node.key);
            if (table.get(maskedKey) != node) {
                continue; // removed or replaced since it was queued
            }
            boolean expired = isExpired(node, now);
            if (expired || !node.referenced || secondChances-- <= 0) {
                if (unlink(maskedKey, node)) {
                    if (expired) {
                        countExpiry();
                    } else {
                        countEviction();
                    }
                }
            } else {
                node.referenced = false;
                clock.add(node);
            }
        }
    }

    /** Unlinks a few dead queue slots in place: removed, replaced or expired entries. */
    private void tidy(long now, int steps) {
        for (int step = 0; step < steps; step++) {
            if (tidyCursor == null || !tidyCursor.hasNext()) {
                tidyCursor = clock != null ? clock.iterator() : table.values().iterator();
                if (!tidyCursor.hasNext()) {
                    return;
                }
            }
            Node node = tidyCursor.next();
            Object maskedKey = mask(node.key);
            if (table.get(maskedKey) != node) {
                if (clock != null) {
                    tidyCursor.remove(); // a dead queue slot
                }
                // A table walk met a node replaced since it was read ahead; removing through the
                // table's iterator would remove the key, and with it the entry that replaced it.
            } else if (isExpired(node, now)) {
                unlinkIfExpired(maskedKey, node, now);
                if (clock != null && table.get(maskedKey) != node) {
                    tidyCursor.remove();
                }
            }
        }
    }

    /**
     * True about one call in {@link #OCCASIONAL_ONE_IN}: when to tidy after a write that adds
     * nothing to tidy. An expiring map derives it from the clock reading it already has (a
     * thread-local random number measured 7% of a 50/50 get/put mix); the multiply spreads clocks
     * that tick in coarse steps.
     */
    private boolean occasionally(long now) {
        if (!expires) {
            return ThreadLocalRandom.current().nextInt(OCCASIONAL_ONE_IN) == 0;
        }
        return (now * 0x9E3779B97F4A7C15L) >>> OCCASIONAL_SHIFT == 0;
    }

    private void countEviction() {
        if (counts != null) {
            counts.evicted();
        }
    }

    private void countExpiry() {
        if (counts != null) {
            counts.expired();
        }
    }

    /** Entries held, expired ones not yet tidied included: what the map costs in memory right now. */
    int storedEntries() {
        return table.size();
    }

    private boolean overSize() {
        return maximumSize >= 0 && table.size() > maximumSize;
    }

    private void purgeExpired() {
        if (!expires) {
            return;
        }
        long now = now();
        table.forEach((k, node) -> {
            if (isExpired(node, now)) {
                unlinkIfExpired(k, node, now);
            }
        });
    }

    /**
     * Exact, so with expiry it looks at every entry's clock (and drops the expired ones it finds):
     * an entry past its expiry must not be counted, and nothing short of a look tells which are.
     */
    @Override
    public int size() {
        purgeExpired();
        return table.size();
    }

    /** Stops at the first live entry instead of counting them all, as {@code size() == 0} would. */
    @Override
    public boolean isEmpty() {
        if (!expires) {
            return table.isEmpty();
        }
        long now = now();
        for (Node node : table.values()) {
            if (!isExpired(node, now)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean containsKey(Object key) {
        return readLive(key, false) != null;
    }

    @Override
    public boolean containsValue(Object value) {
        Object masked = mask(value);
        long now = now();
        for (Node node : table.values()) {
            if (!isExpired(node, now) && masked.equals(node.value())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public V get(Object key) {
        Node node = readLive(key, true);
        return node == null ? null : unmask(node.value());
    }

    @Override
    public V getOrDefault(Object key, V defaultValue) {
        Node node = readLive(key, true);
        return node == null ? defaultValue : unmask(node.value());
    }

    @Override
    public V put(K key, V value) {
        Object masked = mask(value);
        Object maskedKey = mask(key);
        Node node = table.get(maskedKey);
        long now = now();
        if (node == null) {
            // A new key: one putIfAbsent and the entry itself, no update closure. Losing the race
            // to another insert goes the general way below.
            Node created = new Node(key, masked, now);
            if (table.putIfAbsent(maskedKey, created) == null) {
                inserted(created, now);
                return null;
            }
        } else {
            // Overwriting a live entry in place, under its monitor, as Caffeine does: no bin lock,
            // no allocation. A node found dead or expired goes the slow way.
            Object previous = null; // a live node's value is never null: masked
            synchronized (node) {
                if (!node.dead && !isExpired(node, now)) {
                    previous = node.value();
                    node.value(masked);
                    node.written(now, expireAfterAccess >= 0);
                }
            }
            if (previous != null) {
                // After the monitor, never under it: the hand takes table bins, and a compute on
                // this key holds its bin while it waits for this node's monitor.
                changedInPlace(now);
                return unmask(previous);
            }
        }
        return unmask(update(key, previous -> masked).previous);
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        for (Map.Entry<? extends K, ? extends V> e : m.entrySet()) {
            put(e.getKey(), e.getValue());
        }
    }

    @SuppressWarnings("unchecked")
    @Override
    public V remove(Object key) {
        return unmask(update((K) key, previous -> null).previous);
    }

    @SuppressWarnings("unchecked")
    @Override
    public boolean remove(Object key, Object value) {
        Object masked = mask(value);
        Outcome outcome = update((K) key, previous -> masked.equals(previous) ? null : KEEP);
        return outcome.previous != null && outcome.current == null;
    }

    /**
     * Under the hand's lock, queue first: a put racing with clear either lands in the table after
     * the table was cleared and in the queue after the queue was, or is cleared from the table. The
     * other order could leave an entry in the table that the queue no longer knows, which the hand
     * would then never evict.
     */
    @Override
    public void clear() {
        handLock.lock();
        try {
            if (clock != null) {
                clock.clear();
            }
            tidyCursor = null;
            for (Map.Entry<Object, Node> entry : table.entrySet()) {
                unlink(entry.getKey(), entry.getValue()); // each marked dead, so no in-place put is lost
            }
        } finally {
            handLock.unlock();
        }
    }

    @Override
    public V putIfAbsent(K key, V value) {
        Object masked = mask(value);
        return unmask(update(key, previous -> previous == null || previous == NULL ? masked : KEEP).previous);
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        Object expected = mask(oldValue);
        Object replacement = mask(newValue);
        Outcome outcome = update(key, previous -> expected.equals(previous) ? replacement : KEEP);
        return outcome.previous != null && outcome.current == replacement && outcome.previous.equals(expected);
    }

    @Override
    public V replace(K key, V value) {
        Object masked = mask(value);
        return unmask(update(key, previous -> previous == null ? KEEP : masked).previous);
    }

    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        Objects.requireNonNull(mappingFunction);
        Node live = readLive(key, true);
        if (live != null && live.value() != NULL) {
            return unmask(live.value());
        }
        return unmask(update(key, previous -> {
            if (previous != null && previous != NULL) {
                return KEEP;
            }
            V computed = mappingFunction.apply(key);
            return computed == null ? KEEP : computed;
        }).current);
    }

    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        Objects.requireNonNull(remappingFunction);
        Outcome outcome = update(key, previous -> previous == null || previous == NULL
                ? KEEP
                : remappingFunction.apply(key, unmask(previous)));
        return unmask(outcome.current);
    }

    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        Objects.requireNonNull(remappingFunction);
        return unmask(update(key, previous -> remappingFunction.apply(key, unmask(previous))).current);
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        Objects.requireNonNull(value);
        Objects.requireNonNull(remappingFunction);
        return unmask(update(key, previous -> previous == null || previous == NULL
                ? value
                : remappingFunction.apply(unmask(previous), value)).current);
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        Objects.requireNonNull(action);
        for (Map.Entry<K, V> e : entrySet()) {
            action.accept(e.getKey(), e.getValue());
        }
    }

    @SuppressWarnings("unchecked")
    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
        Objects.requireNonNull(function);
        for (Node node : table.values()) {
            update((K) node.key, previous -> previous == null
                    ? KEEP
                    : mask(function.apply((K) node.key, unmask(previous))));
        }
    }

    /** A copy with the same live mappings and bounds and no shared state. */
    @SuppressWarnings("unchecked")
    BoundedConcurrentMap<K, V> copy() {
        BoundedConcurrentMap<K, V> copy = new BoundedConcurrentMap<>(bounds);
        long now = now();
        for (Node node : table.values()) {
            if (!isExpired(node, now)) {
                Node twin = new Node(node.key, node.value(), node.writeTime());
                twin.accessed(node.accessTime());
                copy.table.put(mask(node.key), twin);
                if (copy.clock != null) {
                    copy.clock.add(twin);
                }
            }
        }
        return copy;
    }

    /** Iterates live nodes, weakly consistent like ConcurrentHashMap's own iterators. */
    private abstract class LiveIterator<T> implements Iterator<T> {
        private final Iterator<Node> nodes = table.values().iterator();
        private final long now = now();
        private Node next;
        private Node last;

        abstract T project(Node node);

        @Override
        public boolean hasNext() {
            while (next == null && nodes.hasNext()) {
                Node candidate = nodes.next();
                if (!isExpired(candidate, now)) {
                    next = candidate;
                }
            }
            return next != null;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            last = next;
            next = null;
            return project(last);
        }

        @Override
        public void remove() {
            if (last == null) {
                throw new IllegalStateException();
            }
            unlink(mask(last.key), last);
            last = null;
        }
    }

    @Override
    public Set<K> keySet() {
        return new AbstractSet<>() {
            @SuppressWarnings("unchecked")
            @Override
            public Iterator<K> iterator() {
                return new LiveIterator<>() {
                    @Override
                    K project(Node node) {
                        return (K) node.key;
                    }
                };
            }

            @Override
            public int size() {
                return BoundedConcurrentMap.this.size();
            }

            @Override
            public boolean contains(Object o) {
                return containsKey(o);
            }

            @SuppressWarnings("unchecked")
            @Override
            public boolean remove(Object o) {
                // One update, so that of two threads removing the same key exactly one answers true.
                return update((K) o, previous -> null).previous != null;
            }

            @Override
            public void clear() {
                BoundedConcurrentMap.this.clear();
            }
        };
    }

    @Override
    public Collection<V> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<V> iterator() {
                return new LiveIterator<>() {
                    @Override
                    V project(Node node) {
                        return unmask(node.value());
                    }
                };
            }

            @Override
            public int size() {
                return BoundedConcurrentMap.this.size();
            }

            @Override
            public boolean contains(Object o) {
                return containsValue(o);
            }

            @Override
            public void clear() {
                BoundedConcurrentMap.this.clear();
            }
        };
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @SuppressWarnings("unchecked")
            @Override
            public Iterator<Map.Entry<K, V>> iterator() {
                return new LiveIterator<>() {
                    @Override
                    Map.Entry<K, V> project(Node node) {
                        return new WriteThroughEntry<>(BoundedConcurrentMap.this, (K) node.key, unmask(node.value()));
                    }
                };
            }

            @Override
            public int size() {
                return BoundedConcurrentMap.this.size();
            }

            @Override
            public boolean contains(Object o) {
                if (!(o instanceof Map.Entry)) {
                    return false;
                }
                Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
                Node node = readLive(e.getKey(), false);
                return node != null && Objects.equals(unmask(node.value()), e.getValue());
            }

            @Override
            public boolean remove(Object o) {
                if (!(o instanceof Map.Entry)) {
                    return false;
                }
                Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
                return BoundedConcurrentMap.this.remove(e.getKey(), e.getValue());
            }

            @Override
            public void clear() {
                BoundedConcurrentMap.this.clear();
            }
        };
    }
}
