package io.cacheguard.bench;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.cacheguard.agent.runtime.CacheBounds;
import io.cacheguard.agent.runtime.GuardedHashMap;
import io.cacheguard.agent.runtime.GuardListener;
import io.cacheguard.agent.runtime.GuardedMaps;
import io.cacheguard.agent.runtime.Guards;
import io.cacheguard.agent.runtime.Watch;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Throughput of a cache-shaped workload (a fixed set of hot keys, mostly reads) on the guarded
 * wrappers and on the maps a developer would otherwise reach for. Every operation hits an existing
 * key, so the map never grows or evicts and what is measured is the cost of a read or an overwrite.
 *
 * <p>Run it with at least one fork ({@code -f 1}): each {@code impl} then gets a JVM of its own, so
 * the {@code map.get} call site stays monomorphic, as it is in an application that uses one map
 * type there. Threads come from {@code -t}; {@code hashmap} is only meaningful with {@code -t 1}.
 * {@link RatioTable} runs both thread counts and prints the README's table.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MapThroughput {
    /** Distinct keys, all present before the first measured operation. */
    static final int KEYS = 10_000;

    /** The LRU maps' capacity: equal to the key count, so eviction never runs and only locking is compared. */
    static final int LRU_CAPACITY = KEYS;

    @Param({"hashmap", "guarded", "watched", "guarded-expiring", "chm", "syncmap",
            "caffeine", "caffeine-expiring", "lru-guarded", "lru-sync"})
    String impl;

    /** Percentage of operations that are {@code get}; the rest are {@code put} of an existing key. */
    @Param({"90", "50"})
    int readPercent;

    private Map<Integer, Integer> map;
    /** Boxed once, so the measured loop allocates nothing of its own. */
    private Integer[] keys;

    @Setup
    public void fill(BenchmarkParams params) {
        if (impl.equals("hashmap") && params.getThreads() > 1) {
            // A plain HashMap shared by writers can loop or lose its table; a number would be a lie.
            throw new IllegalStateException("impl=hashmap is single-threaded only; run it with -t 1");
        }
        map = newMap(impl);
        keys = new Integer[KEYS];
        for (int i = 0; i < KEYS; i++) {
            keys[i] = i;
            map.put(keys[i], keys[i]);
        }
    }

    static Map<Integer, Integer> newMap(String impl) {
        switch (impl) {
            case "hashmap":
                return new HashMap<>();
            case "guarded":
                return new GuardedHashMap<>();
            case "watched":
                return watched();
            case "guarded-expiring":
                return new GuardedHashMap<>(CacheBounds.of(-1, TimeUnit.MINUTES.toNanos(10), -1)); // expireAfterWrite=10m
            case "chm":
                return new ConcurrentHashMap<>();
            case "syncmap":
                return Collections.synchronizedMap(new HashMap<>());
            case "caffeine":
                return Caffeine.newBuilder().<Integer, Integer>build().asMap();
            case "caffeine-expiring":
                return Caffeine.newBuilder().expireAfterWrite(10, TimeUnit.MINUTES).<Integer, Integer>build().asMap();
            case "lru-guarded":
                return GuardedMaps.linkedHashMap(new Lru<>());
            case "lru-sync":
                return Collections.synchronizedMap(new Lru<>());
            default:
                throw new IllegalArgumentException("unknown impl '" + impl + "'");
        }
    }

    /**
     * What a patched field holds in the default mode: the guarded map, carrying the lightweight
     * detector's watch (the races it finds in a multi-threaded run, every put racing, are
     * reported to nowhere: their cost is part of what is measured, until the field's sampling backs off).
     */
    @SuppressWarnings("unchecked")
    private static Map<Integer, Integer> watched() {
        Watch.configure(race -> { }, 16, GuardListener.NONE);
        Guards.trackGuardedMaps();
        return (Map<Integer, Integer>) Guards.guard(new HashMap<Integer, Integer>(), "io.cacheguard.bench.MapThroughput.map");
    }

    /** The classic hand-rolled LRU cache that the LRU wrapper exists to guard. */
    static final class Lru<K, V> extends LinkedHashMap<K, V> {
        private static final long serialVersionUID = 1L;

        Lru() {
            super(16, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > LRU_CAPACITY;
        }
    }

    /**
     * Each thread's own key and operation stream. An xorshift64* generator in a plain field: a
     * shared {@code Random} would contend on its seed, and even {@code ThreadLocalRandom} costs a
     * thread-local lookup comparable to a map read.
     */
    @State(Scope.Thread)
    public static class Dice {
        private long seed;

        @Setup
        public void seed() {
            seed = ThreadLocalRandom.current().nextLong() | 1L;
        }

        long roll() {
            long x = seed;
            x ^= x >>> 12;
            x ^= x << 25;
            x ^= x >>> 27;
            seed = x;
            return x * 0x2545F4914F6CDD1DL;
        }
    }

    @Benchmark
    public Integer getOrPut(Dice dice) {
        long r = dice.roll();
        // High and low halves chosen independently; multiply-shift maps 32 bits onto [0, n) without a division.
        Integer key = keys[(int) (((r >>> 32) * KEYS) >>> 32)];
        if ((int) (((r & 0xFFFF_FFFFL) * 100) >>> 32) < readPercent) {
            return map.get(key);
        }
        return map.put(key, key);
    }
}
