package io.cacheguard.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What an attach does to a map a field already held: guard that very instance, keep every entry,
 * and make every later read of the field reach one guard. {@link LiveMaps#guard} is called directly,
 * as a retransformed read site would, so that live mode stays off for the other tests of this JVM.
 */
class LiveMapsTest {
    static final class StaticFinalHolder {
        static final Map<Integer, Integer> CACHE = filled(new HashMap<>(), 1000);
    }

    static final class StaticHolder {
        static Map<Integer, Integer> cache = filled(new HashMap<>(), 1000);
    }

    static final class InstanceHolder {
        Map<Integer, Integer> cache = filled(new HashMap<>(), 1000);
        final Map<Integer, Integer> finalCache = filled(new HashMap<>(), 1000);
    }

    static final class ConcurrentHolder {
        static final Map<Integer, Integer> MAP = filled(new HashMap<>(), 10_000);
    }

    private static final String CONCURRENT = ConcurrentHolder.class.getName() + ".MAP";
    private static final String STATIC_FINAL = StaticFinalHolder.class.getName() + ".CACHE";
    private static final String STATIC = StaticHolder.class.getName() + ".cache";
    private static final String INSTANCE = InstanceHolder.class.getName() + ".cache";
    private static final String FINAL_INSTANCE = InstanceHolder.class.getName() + ".finalCache";

    @Test
    void staticFinalFieldKeepsTheRawMapAndEveryReadSiteGetsOneGuardAroundIt() {
        Map<Integer, Integer> raw = StaticFinalHolder.CACHE;
        Object first = LiveMaps.guard(null, StaticFinalHolder.class, raw, STATIC_FINAL);
        Object second = LiveMaps.guard(null, StaticFinalHolder.class, raw, STATIC_FINAL);

        assertInstanceOf(GuardedLiveHashMap.class, first);
        assertSame(first, second);
        assertSame(raw, StaticFinalHolder.CACHE);
        assertEquals(filled(new HashMap<>(), 1000), first);
        @SuppressWarnings("unchecked")
        Map<Integer, Integer> guard = (Map<Integer, Integer>) first;
        guard.put(-1, -1);
        assertEquals(-1, raw.get(-1), "the guard works on the original instance, not a copy");
    }

    @Test
    void nonFinalStaticFieldGetsTheGuardWrittenBack() {
        Map<Integer, Integer> raw = StaticHolder.cache;
        Object guard = LiveMaps.guard(null, StaticHolder.class, raw, STATIC);

        assertSame(guard, StaticHolder.cache);
        assertEquals(1000, StaticHolder.cache.size());
    }

    @Test
    void instanceFieldsFinalOrNotGetTheGuardWrittenBack() {
        InstanceHolder holder = new InstanceHolder();
        Object guard = LiveMaps.guard(holder, InstanceHolder.class, holder.cache, INSTANCE);
        Object finalGuard = LiveMaps.guard(holder, InstanceHolder.class, holder.finalCache, FINAL_INSTANCE);

        assertSame(guard, holder.cache);
        assertSame(finalGuard, holder.finalCache);
        assertInstanceOf(GuardedLiveHashMap.class, holder.finalCache);
    }

    @Test
    void aFieldTheProgramReassignedMeanwhileIsNotOverwritten() {
        InstanceHolder holder = new InstanceHolder();
        Map<Integer, Integer> stale = holder.cache;
        Map<Integer, Integer> fresh = GuardedMaps.hashMap(new HashMap<>(), CacheBounds.NONE);
        holder.cache = fresh;

        Object answer = LiveMaps.guard(holder, InstanceHolder.class, stale, INSTANCE);

        assertSame(fresh, holder.cache);
        assertSame(fresh, answer);
    }

    @Test
    void linkedAndWeakMapsAreGuardedInPlaceKeepingOrderAndWeakKeys() {
        LinkedHashMap<Integer, Integer> lru = new LinkedHashMap<>(16, 0.75f, true);
        lru.put(1, 1);
        lru.put(2, 2);
        LinkedHashMap<Integer, Integer> lruHolder = lru;
        Object guard = LiveMaps.inPlace(lruHolder);
        @SuppressWarnings("unchecked")
        Map<Integer, Integer> guardedLru = (Map<Integer, Integer>) guard;
        guardedLru.get(1);
        assertEquals(List.of(2, 1), new ArrayList<>(lru.keySet()), "access order moved the original's entry");
        assertInstanceOf(WeakHashMap.class, LiveMaps.inPlace(new WeakHashMap<>()));
    }

    /**
     * Many threads reach a live static final map for the first time together, then write through
     * what they got: they all share one guard, no write is lost and no entry present before is.
     */
    @Test
    void concurrentFirstReadsUnderWriteLoadShareOneGuardAndLoseNoEntry() throws Exception {
        Map<Integer, Integer> raw = ConcurrentHolder.MAP;
        int threads = 8;
        int writesPerThread = 20_000;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Object>> guards = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int base = 1_000_000 * (t + 1);
                guards.add(pool.submit(() -> {
                    start.await();
                    Object guard = null;
                    for (int i = 0; i < writesPerThread; i++) {
                        guard = LiveMaps.guard(null, ConcurrentHolder.class, raw, CONCURRENT);
                        @SuppressWarnings("unchecked")
                        Map<Integer, Integer> map = (Map<Integer, Integer>) guard;
                        map.put(base + i, i);
                    }
                    return guard;
                }));
            }
            start.countDown();
            Object first = guards.get(0).get(30, TimeUnit.SECONDS);
            for (Future<Object> guard : guards) {
                assertSame(first, guard.get(30, TimeUnit.SECONDS));
            }
            Map<?, ?> guard = (Map<?, ?>) first;
            assertEquals(10_000 + threads * writesPerThread, guard.size());
            for (int key = 0; key < 10_000; key++) {
                assertEquals(key, guard.get(key), "entry present before the swap");
            }
            assertTrue(guard.containsKey(1_000_000 + writesPerThread - 1));
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<Integer, Integer> filled(Map<Integer, Integer> map, int entries) {
        for (int i = 0; i < entries; i++) {
            map.put(i, i);
        }
        return map;
    }
}
