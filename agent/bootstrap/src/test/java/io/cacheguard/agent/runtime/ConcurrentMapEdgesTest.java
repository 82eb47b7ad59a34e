package io.cacheguard.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cacheguard.agent.runtime.detector.MapShadow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A read of a concurrent collection is ordered after the write whose value it sees, and after
 * nothing else (the memory model's rule for {@code ConcurrentHashMap}). Each test plays
 * instrumented code by calling {@link CollectionHooks} as the rewritten call sites do.
 *
 * <p>Regression: one clock per collection ordered a lookup of any key after every earlier write of
 * every key, so two threads that only shared a registry looked ordered and their race on a cache
 * went unreported.
 */
@Timeout(60)
class ConcurrentMapEdgesTest {

    @BeforeAll
    static void detectorOn() {
        DetectedRaces.on();
    }

    /**
     * The writer puts into the cache, then registers key {@code k1}; the reader, once the writer is
     * past that (seen through an atomic, which orders nothing for the detector), looks up another
     * key, {@code seed}, and writes the cache. Nothing orders the two cache writes.
     */
    @Test
    void aLookupOfOneKeyIsNotOrderedAfterTheWriteOfAnother() throws Exception {
        String label = "ConcurrentMapEdgesTest.otherKey";
        Map<String, Integer> cache = new TrackedHashMap<>(new HashMap<>(), new MapShadow(label));
        ConcurrentHashMap<String, Integer> registry = new ConcurrentHashMap<>();
        assertNotSame(ElementClocks.ofKey(registry, "seed"), ElementClocks.ofKey(registry, "k1"),
                "the two keys have clocks of their own");
        CollectionHooks.put(registry, "seed", 0);
        AtomicBoolean registered = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            cache.put("a", 1);
            CollectionHooks.put(registry, "k1", 1);
            registered.set(true);
        }, label + "-writer");
        Thread reader = new Thread(() -> {
            while (!registered.get()) {
                Thread.onSpinWait();
            }
            if (CollectionHooks.get(registry, "seed") != null) { // found: it acquires the seed's clock only
                cache.put("b", 2);
            }
        }, label + "-reader");
        runBoth(writer, reader);
        assertFalse(DetectedRaces.on(label).isEmpty(), "the two cache writes are unordered");
    }

    /** The same threads, the reader looking up the key the writer registered: ordered, silent. */
    @Test
    void aLookupThatFindsTheKeyIsOrderedAfterItsWrite() throws Exception {
        String label = "ConcurrentMapEdgesTest.sameKey";
        Map<String, Integer> cache = new TrackedHashMap<>(new HashMap<>(), new MapShadow(label));
        ConcurrentHashMap<String, Integer> registry = new ConcurrentHashMap<>();
        Thread writer = new Thread(() -> {
            cache.put("a", 1);
            CollectionHooks.put(registry, "k1", 1);
        }, label + "-writer");
        Thread reader = new Thread(() -> {
            while (CollectionHooks.get(registry, "k1") == null) {
                Thread.onSpinWait();
            }
            cache.put("b", 2);
        }, label + "-reader");
        runBoth(writer, reader);
        assertEquals(List.of(), DetectedRaces.on(label));
    }

    /** An element handed over through a concurrent queue publishes what its producer did before. */
    @Test
    void anElementPolledIsOrderedAfterItsOffer() throws Exception {
        String label = "ConcurrentMapEdgesTest.queue";
        Map<String, Integer> cache = new TrackedHashMap<>(new HashMap<>(), new MapShadow(label));
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
        Thread producer = new Thread(() -> {
            cache.put("a", 1);
            CollectionHooks.offer(queue, "a");
        }, label + "-producer");
        AtomicReference<Integer> seen = new AtomicReference<>();
        Thread consumer = new Thread(() -> {
            Object key;
            while ((key = CollectionHooks.poll(queue)) == null) {
                Thread.onSpinWait();
            }
            seen.set(cache.get(key));
        }, label + "-consumer");
        runBoth(producer, consumer);
        assertEquals(1, seen.get());
        assertEquals(List.of(), DetectedRaces.on(label));
    }

    private static void runBoth(Thread first, Thread second) throws InterruptedException {
        ThreadHooks.starting(first);
        first.start();
        ThreadHooks.starting(second);
        second.start();
        ThreadHooks.join(first, 10_000);
        ThreadHooks.join(second, 10_000);
        assertTrue(!first.isAlive() && !second.isAlive(), "both threads ended");
    }
}
