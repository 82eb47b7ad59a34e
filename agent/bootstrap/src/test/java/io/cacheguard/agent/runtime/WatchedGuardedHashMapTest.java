package io.cacheguard.agent.runtime;

import static com.google.common.collect.testing.features.CollectionFeature.SERIALIZABLE;
import static com.google.common.collect.testing.features.CollectionFeature.SUPPORTS_ITERATOR_REMOVE;
import static com.google.common.collect.testing.features.CollectionSize.ANY;
import static com.google.common.collect.testing.features.MapFeature.ALLOWS_ANY_NULL_QUERIES;
import static com.google.common.collect.testing.features.MapFeature.ALLOWS_NULL_KEYS;
import static com.google.common.collect.testing.features.MapFeature.ALLOWS_NULL_VALUES;
import static com.google.common.collect.testing.features.MapFeature.GENERAL_PURPOSE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cacheguard.agent.runtime.detector.Race;
import io.cacheguard.agent.runtime.detector.RaceListener;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * The guarded HashMap carrying the lightweight detector's watch itself (the default mode): it is
 * still exactly a HashMap to one thread (Guava testlib's suite, never a race), and a thread walking
 * into another's write is reported whichever way it comes in: the direct lookup, another write
 * through the store, an iteration of a view, a bounded map's store. The write is held open by a key
 * whose {@code hashCode} waits on a latch, since the map hashes it inside the marked span.
 */
@Timeout(60)
class WatchedGuardedHashMapTest {
    private static final String FIELD = "com.acme.Cache.map";
    private final List<Race> races = new CopyOnWriteArrayList<>();
    private final RaceListener sink = races::add;

    /** A watch in which every write marks and every whole-map read is a watchpoint. */
    private MapWatch watch() {
        return new MapWatch(new WatchedField(FIELD, true, sink, 0, 0), false);
    }

    @TestFactory
    Stream<DynamicNode> oneThreadSeesAHashMapAndNoRace() {
        return Stream.concat(
                Junit3Suites.dynamicTests(StringMaps.suite("GuardedHashMap [watched]", HashMap<String, String>::new,
                        raw -> new GuardedHashMap<>(raw, CacheBounds.NONE, watch()), GENERAL_PURPOSE,
                        ALLOWS_NULL_KEYS, ALLOWS_NULL_VALUES, ALLOWS_ANY_NULL_QUERIES, SUPPORTS_ITERATOR_REMOVE,
                        SERIALIZABLE, ANY)),
                Stream.of(DynamicTest.dynamicTest("and no race was reported",
                        () -> assertEquals(List.of(), races))));
    }

    @Test
    void aLookupWalkingIntoAPutIsAReadWriteRaceWithBothSides() throws Exception {
        GuardedHashMap<Object, String> map = new GuardedHashMap<>(new HashMap<>(), CacheBounds.NONE, watch());
        walkIntoAPut(map, m -> m.get("k"));
        Race race = onlyRace();
        assertEquals(Race.Kind.READ_WRITE, race.kind());
        assertEquals(Race.Detector.WATCH, race.detector());
        assertEquals(FIELD, race.map());
        assertEquals(System.identityHashCode(map), race.mapIdentity(), "the race names the map the program holds");
        assertEquals("put", race.earlier().operation());
        assertEquals("holder", race.earlier().threadName());
        assertEquals("get", race.later().operation());
        assertEquals("walker", race.later().threadName());
    }

    @Test
    void aContainsKeyWalkingIntoAPutIsARace() throws Exception {
        GuardedHashMap<Object, String> map = new GuardedHashMap<>(new HashMap<>(), CacheBounds.NONE, watch());
        walkIntoAPut(map, m -> m.containsKey("k"));
        assertEquals("containsKey", onlyRace().later().operation());
    }

    @Test
    void aRemoveThroughTheStoreWalkingIntoAPutIsAWriteWriteRace() throws Exception {
        GuardedHashMap<Object, String> map = new GuardedHashMap<>(new HashMap<>(), CacheBounds.NONE, watch());
        walkIntoAPut(map, m -> m.remove("k"));
        Race race = onlyRace();
        assertEquals(Race.Kind.WRITE_WRITE, race.kind());
        assertEquals("remove", race.later().operation());
    }

    @Test
    void iteratingAViewWalkingIntoAPutIsARace() throws Exception {
        GuardedHashMap<Object, String> map = new GuardedHashMap<>(Map.of("a", "1"), CacheBounds.NONE, watch());
        walkIntoAPut(map, m -> m.keySet().iterator().next());
        assertEquals("iterate", onlyRace().later().operation());
    }

    @Test
    void aBoundedMapIsWatchedThroughItsStore() throws Exception {
        GuardedHashMap<Object, String> map = new GuardedHashMap<>(new HashMap<>(), UserBounds.parse("maximumSize=10"),
                watch());
        walkIntoAPut(map, m -> m.get("k"));
        assertEquals("get", onlyRace().later().operation());
    }

    @Test
    void operationsOneAfterAnotherAreNoRace() throws Exception {
        GuardedHashMap<Object, String> map = new GuardedHashMap<>(new HashMap<>(), CacheBounds.NONE, watch());
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 1_000; i++) {
                map.put(i, "v");
            }
        });
        writer.start();
        writer.join(); // join orders every write before every read below
        for (int i = 0; i < 1_000; i++) {
            map.get(i);
            map.remove(i);
        }
        assertEquals(List.of(), races);
    }

    @Test
    void aCloneIsWatchedForTheSameField() throws Exception {
        GuardedHashMap<Object, String> original = new GuardedHashMap<>(new HashMap<>(), CacheBounds.NONE, watch());
        @SuppressWarnings("unchecked")
        GuardedHashMap<Object, String> copy = (GuardedHashMap<Object, String>) original.clone();
        assertNotSame(original, copy);
        walkIntoAPut(copy, m -> m.get("k"));
        assertEquals(System.identityHashCode(copy), onlyRace().mapIdentity());
    }

    @Test
    void anUnwatchedGuardReportsNothing() throws Exception {
        GuardedHashMap<Object, String> map = new GuardedHashMap<>(new HashMap<>(), CacheBounds.NONE);
        walkIntoAPut(map, m -> m.get("k"));
        assertEquals(List.of(), races);
    }

    private Race onlyRace() {
        assertEquals(1, races.size(), races.toString());
        return races.get(0);
    }

    /**
     * The holder puts a key whose hashing waits until the walker has done {@code walk}; the map is
     * marked by then (the put marked it before hashing), so the walker is inside the holder's write.
     */
    private static void walkIntoAPut(GuardedHashMap<Object, String> map, Consumer<Map<Object, String>> walk)
            throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch walked = new CountDownLatch(1);
        Object slowKey = new Object() {
            @Override
            public int hashCode() {
                inside.countDown();
                await(walked);
                return 42;
            }
        };
        Thread holder = new Thread(() -> map.put(slowKey, "v"), "holder");
        Thread walker = new Thread(() -> {
            await(inside);
            walk.accept(map);
            walked.countDown();
        }, "walker");
        holder.start();
        walker.start();
        holder.join();
        walker.join();
        assertEquals("v", map.get(slowKey), "the held-open put completed");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(20, TimeUnit.SECONDS), "latch timed out");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
