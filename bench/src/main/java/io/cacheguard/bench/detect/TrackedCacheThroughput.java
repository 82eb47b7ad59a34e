package io.cacheguard.bench.detect;

import java.util.HashMap;
import java.util.Map;
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

/**
 * A legacy cache as the agent meets it: a class with a plain {@code HashMap} field used without a
 * lock. Which agent mode the JVM runs under (none, {@code patch}, {@code both}) is set per fork
 * by {@link DetectorOverhead}; this class is the same in all. With one thread the map is used
 * correctly; with two it is the racy legacy cache, so in mode {@code both} every operation races
 * and this measures the detector's worst case.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TrackedCacheThroughput {
    static final int KEYS = 10_000;

    /** Percentage of operations that are {@code get}; the rest overwrite an existing key. */
    @Param({"90", "50"})
    int readPercent;

    private QuoteCache quotes;
    private Integer[] keys;

    /** The legacy cache: its racy field is what the agent patches and tracks. */
    public static final class QuoteCache {
        private final Map<Integer, Integer> cache = new HashMap<>();

        Integer get(Integer key) {
            return cache.get(key);
        }

        void put(Integer key, Integer value) {
            cache.put(key, value);
        }
    }

    @Setup
    public void fill() {
        quotes = new QuoteCache();
        keys = new Integer[KEYS];
        for (int i = 0; i < KEYS; i++) {
            keys[i] = i;
            quotes.put(keys[i], i);
        }
    }

    @Benchmark
    public Integer operation() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Integer key = keys[random.nextInt(KEYS)];
        if (random.nextInt(100) < readPercent) {
            return quotes.get(key);
        }
        quotes.put(key, key);
        return key;
    }
}
