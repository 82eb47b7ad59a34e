package io.cacheguard.legacy;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * jackson-databind issue #503 (https://github.com/FasterXML/jackson-databind/issues/503),
 * "Concurrency issue inside com.fasterxml.jackson.databind.util.LRUMap.get(Object)", in
 * jackson-databind 2.4.1: {@code TypeFactory._typeCache} is a {@code protected final LRUMap}, and
 * {@code LRUMap} is a {@code LinkedHashMap} subclass built in access order
 * ({@code super(initialEntries, 0.8f, true)}) whose {@code removeEldestEntry} evicts once the map
 * holds more than {@code _maxEntries} ({@code TypeFactory} builds {@code new LRUMap(16, 100)}).
 * {@code LRUMap} overrides {@code put}, {@code remove} and {@code clear} under the write lock of a
 * {@code ReentrantReadWriteLock}, but {@code get} only under its read lock, and in an access-ordered
 * {@code LinkedHashMap} a {@code get} that finds its key moves that entry to the end of the
 * recency list. {@code TypeFactory._fromClass}, which every {@code constructType} of a class (and
 * of each class a parameterized, array, collection or map type names) goes through, calls
 * {@code _typeCache.get} and, on a miss, {@code _typeCache.put}, with no lock of its own. Two
 * threads that hit the cache at once relink the list together and corrupt it; the report saw it
 * on IBM J9 under load. On HotSpot (JDK 17 and 25) the damage seen is a list head left on an
 * entry already evicted, with no successor: every later eviction removes that stale key (nothing,
 * or the entry just put under it), and the cache grows to hold every class ever asked for. The
 * 2.4.1.2 micro patch, and 2.4.2, rewrote {@code LRUMap} as a plain class over a
 * {@code ConcurrentHashMap} (concurrency level 4) that drops its whole content when a
 * {@code put} finds it full, rather than evicting in LRU order.
 *
 * <p>{@code _typeCache} is an instance field. Each round takes a fresh factory
 * ({@code TypeFactory.defaultInstance().withModifier(null)}, public API, which builds a new
 * factory with a new, empty cache) and three workers ask it, each in its own random order, for
 * the types of 160 classes, well over the cache's 100 entries: most lookups hit and relink the
 * list, and the misses put and evict. Each answer must be the type of the class asked for. Then
 * one thread asks for every class once more, so that an eviction which no longer evicts shows.
 *
 * <p>The fixed library guarantees: no exception, no hang, the type of each class asked for, and
 * a bounded cache: after a round no more than its maximum plus one entry per worker (2.4.2's
 * {@code put} checks the size, then puts without a lock, so each of the other workers may add one
 * entry past the maximum). Prints {@code RESULT jackson-databind#503 OK} or
 * {@code ... BROKEN <reason>}; exit 0, 1, or 3 on a hang.
 */
public final class JacksonTypeCacheRace {
    static final String NAME = "jackson-databind#503";
    static final String PATCHED_FIELD = "com.fasterxml.jackson.databind.type.TypeFactory._typeCache";

    private static final int WORKERS = 3;
    private static final int MAX_ROUNDS = 500;
    private static final long BUDGET_MILLIS = 8_000;
    private static final long STALL_MILLIS = 5_000;
    private static final int LOOKUPS_PER_WORKER = 5_000;
    /** Array depths per element class: each class and its arrays up to this many dimensions. */
    private static final int DEPTHS = 4;
    /** Element classes: with {@link #DEPTHS} 40 x 4 = 160 distinct classes. */
    private static final Class<?>[] ELEMENTS = {
        Object.class, Integer.class, Long.class, Short.class, Byte.class, Double.class, Float.class,
        Character.class, Boolean.class, Number.class, StringBuilder.class, StringBuffer.class, Thread.class,
        Runnable.class, Class.class, Math.class, System.class, Runtime.class, Throwable.class,
        Exception.class, RuntimeException.class, Error.class, java.math.BigInteger.class,
        java.math.BigDecimal.class, java.io.File.class, java.io.InputStream.class, java.io.OutputStream.class,
        java.net.URI.class, java.net.URL.class, java.util.Random.class, java.util.UUID.class,
        java.util.Date.class, java.util.Locale.class, java.util.Optional.class, java.util.BitSet.class,
        java.util.Objects.class, java.time.Instant.class, java.time.Duration.class,
        java.util.regex.Pattern.class, java.nio.charset.Charset.class,
    };

    private JacksonTypeCacheRace() {
    }

    public static void main(String[] args) throws Exception {
        Class<?>[] classes = classes();
        Field typeCache = TypeFactory.class.getDeclaredField("_typeCache");
        typeCache.setAccessible(true);
        long start = System.nanoTime();
        int rounds = 0;
        int largest = 0;
        while (rounds < MAX_ROUNDS && (System.nanoTime() - start) / 1_000_000 < BUDGET_MILLIS) {
            TypeFactory factory = TypeFactory.defaultInstance().withModifier(null);
            Object cache = typeCache.get(factory);
            int max = maxEntries(cache);
            int seed = rounds;
            Round.Outcome outcome = Round.run(NAME, WORKERS, STALL_MILLIS, (worker, tick) -> {
                Random random = new Random(seed * 31L + worker);
                for (int i = 0; i < LOOKUPS_PER_WORKER; i++) {
                    ask(factory, classes[random.nextInt(classes.length)]);
                    tick.run();
                }
            });
            rounds++;
            if (outcome.kind == Round.Kind.HUNG) {
                System.out.println("round " + rounds + " of a fresh TypeFactory._typeCache");
                RaceResult.hung(NAME, outcome);
            } else if (outcome.kind == Round.Kind.FAILED) {
                RaceResult.broken(NAME, "round " + rounds + ": " + RaceResult.describe(outcome.failure));
            }
            int afterRound = size(cache);
            for (Class<?> type : classes) {
                ask(factory, type);
            }
            int afterProbe = size(cache);
            largest = Math.max(largest, Math.max(afterRound, afterProbe));
            if (afterRound > max + WORKERS || afterProbe > max + WORKERS) {
                RaceResult.broken(NAME, "round " + rounds + ": the type cache holds " + afterRound
                        + " entries after the round and " + afterProbe + " after one thread asked for all "
                        + classes.length + " classes once more, its maximum is " + max);
            }
        }
        System.out.println(rounds + " rounds of " + WORKERS + " threads x " + LOOKUPS_PER_WORKER + " lookups of "
                + classes.length + " classes, each round a new factory, at most " + largest
                + " cache entries, in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        RaceResult.ok(NAME);
    }

    /** Asks {@code factory} for the type of {@code type}, which must be the type of that class. */
    private static void ask(TypeFactory factory, Class<?> type) {
        JavaType answer = factory.constructType(type);
        if (answer == null || answer.getRawClass() != type || answer.isArrayType() != type.isArray()) {
            throw new AssertionError("constructType answered " + answer + " for " + type.getName());
        }
    }

    /** Each element class and its arrays, up to {@link #DEPTHS} classes for each. */
    private static Class<?>[] classes() {
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> element : ELEMENTS) {
            Class<?> type = element;
            for (int depth = 0; depth < DEPTHS; depth++) {
                classes.add(type);
                type = type.arrayType();
            }
        }
        return classes.toArray(new Class<?>[0]);
    }

    /** The cache's bound, {@code LRUMap._maxEntries}, a field of both the racy and the fixed LRUMap. */
    private static int maxEntries(Object cache) throws ReflectiveOperationException {
        Field max = cache.getClass().getDeclaredField("_maxEntries");
        max.setAccessible(true);
        return max.getInt(cache);
    }

    /**
     * The cache's entry count: {@code size()}, inherited from {@code HashMap} in 2.4.1 and declared
     * by {@code LRUMap} itself from 2.4.1.2 on.
     */
    private static int size(Object cache) throws ReflectiveOperationException {
        Method size = cache.getClass().getMethod("size");
        return (Integer) size.invoke(cache);
    }
}
