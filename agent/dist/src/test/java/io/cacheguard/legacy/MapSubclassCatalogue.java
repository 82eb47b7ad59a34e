package io.cacheguard.legacy;

import io.cacheguard.legacy.shapes.AccessOrderLru;
import io.cacheguard.legacy.shapes.BoundedLru;
import io.cacheguard.legacy.shapes.CountingHashMap;
import io.cacheguard.legacy.shapes.CountingLru;
import io.cacheguard.legacy.shapes.EvictionCountingLru;
import io.cacheguard.legacy.shapes.KeyedWeakCache;
import io.cacheguard.legacy.shapes.ReadWriteLockedLru;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The shapes an application's own map class takes ({@code class LRUCache extends LinkedHashMap}),
 * each held in a field declared as that class and used with no lock, as legacy caches do: the
 * agent cannot put a wrapper there and guards the class itself. Each round gives every shape a
 * fresh cache, four workers hammer it at once, then the round checks what the class promises when
 * used by one thread at a time: the LRU bound, the counts its own fields keep, the side effects of
 * its {@code removeEldestEntry}, and that its entries are all reachable.
 *
 * <p>Prints {@code RESULT map-subclass-catalogue OK} or {@code ... BROKEN <shape>: <reason>}. An
 * argument runs only the shape of that name ({@code CountingLru}).
 */
public final class MapSubclassCatalogue {
    static final String NAME = "map-subclass-catalogue";
    private static final String PREFIX = MapSubclassCatalogue.class.getName() + "$";
    /** The racy fields, one per shape. */
    static final Set<String> PATCHED_FIELDS = Set.of(
            PREFIX + "LruCache.cache", PREFIX + "CountingCache.cache", PREFIX + "ReadWriteLockedCache.cache",
            PREFIX + "EvictingCache.cache", PREFIX + "HashMapCache.cache", PREFIX + "SubclassedCache.cache",
            PREFIX + "WeakCache.cache");
    /** The map classes guarded in themselves: one per shape, and the subclass a field of its superclass's type holds. */
    static final Set<String> GUARDED_CLASSES = Set.of(
            "io.cacheguard.legacy.shapes.AccessOrderLru", "io.cacheguard.legacy.shapes.CountingLru",
            "io.cacheguard.legacy.shapes.ReadWriteLockedLru", "io.cacheguard.legacy.shapes.EvictionCountingLru",
            "io.cacheguard.legacy.shapes.CountingHashMap", "io.cacheguard.legacy.shapes.BoundedLru",
            "io.cacheguard.legacy.shapes.KeyedWeakCache");

    private static final int WORKERS = 4;
    private static final int ROUNDS = 20;
    private static final int OPERATIONS = 5_000;
    private static final int MAX = 64;
    private static final int KEYS = 256;
    private static final long STALL_MILLIS = 5_000;
    /** Strongly held keys, so that the weak map keeps every entry. */
    private static final Integer[] KEY_OBJECTS = new Integer[KEYS];

    static {
        for (int i = 0; i < KEYS; i++) {
            KEY_OBJECTS[i] = Integer.valueOf(i + 1_000); // outside the Integer cache: distinct objects
        }
    }

    /** A shape under test: a fresh cache, what a worker does with it, and the check after the round. */
    interface Shape {
        String name();

        void reset();

        void work(int worker, Runnable tick);

        /** Why the cache is not what its class promises, or null. */
        String check();
    }

    private MapSubclassCatalogue() {
    }

    public static void main(String[] args) throws Exception {
        List<Shape> shapes = new ArrayList<>(List.of(new LruCache(), new CountingCache(), new ReadWriteLockedCache(),
                new EvictingCache(), new HashMapCache(), new SubclassedCache(), new WeakCache()));
        if (args.length > 0) { // one shape by name, to see each break on its own
            shapes.removeIf(shape -> !shape.name().equals(args[0]));
        }
        for (int round = 1; round <= ROUNDS; round++) {
            for (Shape shape : shapes) {
                shape.reset();
                Round.Outcome outcome = Round.run(NAME, WORKERS, STALL_MILLIS, (worker, tick) -> shape.work(worker, tick));
                if (outcome.kind == Round.Kind.HUNG) {
                    RaceResult.hung(NAME, outcome);
                } else if (outcome.kind == Round.Kind.FAILED) {
                    RaceResult.broken(NAME, shape.name() + ", round " + round + ": " + RaceResult.describe(outcome.failure));
                }
                String wrong = shape.check();
                if (wrong != null) {
                    RaceResult.broken(NAME, shape.name() + ", round " + round + ": " + wrong);
                }
            }
        }
        RaceResult.ok(NAME);
    }

    private static int randomKey() {
        return ThreadLocalRandom.current().nextInt(KEYS);
    }

    /** Why a bounded cache is over its bound or has entries its iteration does not reach, or null. */
    private static String boundAndReach(java.util.Map<?, ?> cache, int max) {
        if (cache.size() > max) {
            return "size " + cache.size() + " over the bound " + max;
        }
        List<Object> keys = new ArrayList<>(cache.keySet());
        if (keys.size() != cache.size()) {
            return "iteration reaches " + keys.size() + " keys of " + cache.size();
        }
        for (Object key : keys) {
            if (cache.get(key) == null) {
                return "key " + key + " iterated but not found";
            }
        }
        return null;
    }

    /** An access-ordered LinkedHashMap subclass bounded by its removeEldestEntry. */
    static final class LruCache implements Shape {
        private AccessOrderLru<Integer, Integer> cache;

        @Override
        public String name() {
            return "AccessOrderLru";
        }

        @Override
        public void reset() {
            cache = new AccessOrderLru<>(MAX);
        }

        @Override
        public void work(int worker, Runnable tick) {
            for (int i = 0; i < OPERATIONS; i++) {
                int key = randomKey();
                if (cache.get(key) == null) {
                    cache.put(key, key);
                }
                tick.run();
            }
        }

        @Override
        public String check() {
            return boundAndReach(cache, MAX);
        }
    }

    /** Its own get override, counting hits and misses in its own fields. */
    static final class CountingCache implements Shape {
        private CountingLru<Integer, Integer> cache;
        private final AtomicLong gets = new AtomicLong();

        @Override
        public String name() {
            return "CountingLru";
        }

        @Override
        public void reset() {
            cache = new CountingLru<>(MAX);
            gets.set(0);
        }

        @Override
        public void work(int worker, Runnable tick) {
            for (int i = 0; i < OPERATIONS; i++) {
                int key = randomKey();
                gets.incrementAndGet();
                if (cache.get(key) == null) {
                    cache.put(key, key);
                }
                tick.run();
            }
        }

        @Override
        public String check() {
            if (cache.lookups() != gets.get()) {
                return "counted " + cache.lookups() + " lookups of " + gets.get();
            }
            return boundAndReach(cache, MAX);
        }
    }

    /**
     * Jackson 2.4.1's shape: a read-write lock inside the class, get under the read lock. Gets that
     * hit relink the access order at once, so most of them must hit: a key space just over the bound.
     */
    static final class ReadWriteLockedCache implements Shape {
        private static final int HOT_KEYS = MAX + MAX / 4;
        private ReadWriteLockedLru<Integer, Integer> cache;

        @Override
        public String name() {
            return "ReadWriteLockedLru";
        }

        @Override
        public void reset() {
            cache = new ReadWriteLockedLru<>(MAX);
        }

        @Override
        public void work(int worker, Runnable tick) {
            for (int i = 0; i < OPERATIONS; i++) {
                int key = ThreadLocalRandom.current().nextInt(HOT_KEYS);
                if (cache.get(key) == null) {
                    cache.put(key, key);
                }
                tick.run();
            }
        }

        @Override
        public String check() {
            return boundAndReach(cache, MAX);
        }
    }

    /** A removeEldestEntry with side effects: every insertion is either still there or was evicted and counted. */
    static final class EvictingCache implements Shape {
        private EvictionCountingLru<Integer, Integer> cache;
        private final AtomicLong insertions = new AtomicLong();

        @Override
        public String name() {
            return "EvictionCountingLru";
        }

        @Override
        public void reset() {
            cache = new EvictionCountingLru<>(MAX);
            insertions.set(0);
        }

        @Override
        public void work(int worker, Runnable tick) {
            for (int i = 0; i < OPERATIONS; i++) {
                int key = randomKey();
                if (cache.get(key) == null && cache.put(key, key) == null) {
                    insertions.incrementAndGet();
                }
                tick.run();
            }
        }

        @Override
        public String check() {
            if (cache.evictions() != cache.evictedKeys()) {
                return cache.evictions() + " evictions counted, " + cache.evictedKeys() + " keys remembered";
            }
            if (insertions.get() != cache.size() + cache.evictions()) {
                return insertions.get() + " insertions, but " + cache.size() + " entries and " + cache.evictions()
                        + " evictions";
            }
            return boundAndReach(cache, MAX);
        }
    }

    /** A HashMap subclass whose put keeps extra fields: every put counted, every key there. */
    static final class HashMapCache implements Shape {
        private CountingHashMap<Integer, Integer> cache;

        @Override
        public String name() {
            return "CountingHashMap";
        }

        @Override
        public void reset() {
            cache = new CountingHashMap<>();
        }

        @Override
        public void work(int worker, Runnable tick) {
            for (int i = 0; i < OPERATIONS; i++) {
                int key = (worker * OPERATIONS + i) % (KEYS * 8);
                cache.put(key, key);
                tick.run();
            }
        }

        @Override
        public String check() {
            long expected = (long) WORKERS * OPERATIONS;
            if (cache.puts() != expected) {
                return "counted " + cache.puts() + " puts of " + expected;
            }
            if (cache.size() != KEYS * 8) {
                return cache.size() + " entries of " + KEYS * 8 + " keys put";
            }
            return null;
        }
    }

    /** A field declared as the LRU class holding a subclass of it with its own get override. */
    static final class SubclassedCache implements Shape {
        private AccessOrderLru<Integer, Integer> cache;
        private final AtomicLong gets = new AtomicLong();

        @Override
        public String name() {
            return "BoundedLru";
        }

        @Override
        public void reset() {
            cache = new BoundedLru<>(MAX);
            gets.set(0);
        }

        @Override
        public void work(int worker, Runnable tick) {
            for (int i = 0; i < OPERATIONS; i++) {
                int key = randomKey();
                gets.incrementAndGet();
                if (cache.get(key) == null) {
                    cache.put(key, key);
                }
                tick.run();
            }
        }

        @Override
        public String check() {
            long counted = ((BoundedLru<Integer, Integer>) cache).gets();
            if (counted != gets.get()) {
                return "counted " + counted + " gets of " + gets.get();
            }
            return boundAndReach(cache, MAX);
        }
    }

    /** A WeakHashMap subclass that inherits every operation. */
    static final class WeakCache implements Shape {
        private KeyedWeakCache<Integer, Integer> cache;

        @Override
        public String name() {
            return "KeyedWeakCache";
        }

        @Override
        public void reset() {
            cache = new KeyedWeakCache<>("weak");
        }

        @Override
        public void work(int worker, Runnable tick) {
            for (int i = 0; i < OPERATIONS; i++) {
                Integer key = KEY_OBJECTS[(worker * 61 + i) % KEYS];
                if (cache.get(key) == null) {
                    cache.put(key, i);
                }
                tick.run();
            }
        }

        @Override
        public String check() {
            if (cache.size() != KEYS) {
                return cache.size() + " entries of " + KEYS + " keys put and held";
            }
            return boundAndReach(cache, KEYS);
        }
    }
}
