package io.cacheguard.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The guarded LinkedHashMap wraps the original in place and behaves exactly like it. */
class GuardedLinkedHashMapTest {
    private static LinkedHashMap<String, String> guarded(LinkedHashMap<String, String> original) {
        return GuardedMaps.linkedHashMap(original);
    }

    @Test
    void behavesLikeAnInsertionOrderedLinkedHashMapOverLongRandomHistories() {
        for (long seed = 1; seed <= 20; seed++) {
            Differential.assertSameHistory(new LinkedHashMap<>(), GuardedMaps.linkedHashMap(new LinkedHashMap<>()),
                    true, seed, 2_000);
        }
    }

    @Test
    void behavesLikeTheAccessOrderedLruSubclassItWrapsOverLongRandomHistories() {
        for (long seed = 1; seed <= 20; seed++) {
            Differential.assertSameHistory(LruMaps.lru(5), GuardedMaps.linkedHashMap(LruMaps.lru(5)), true, seed, 2_000);
        }
    }

    @Test
    void sequencedMethodsBehaveLikeLinkedHashMapOnJdk21AndLater() {
        assumeTrue(SequencedDifferential.available(), "SequencedMap arrived in JDK 21");
        for (long seed = 1; seed <= 20; seed++) {
            SequencedDifferential.assertSameHistory(new LinkedHashMap<>(),
                    GuardedMaps.linkedHashMap(new LinkedHashMap<>()), seed, 1_000);
        }
    }

    @Test
    void sequencedMethodsBehaveLikeTheAccessOrderedLruSubclassOnJdk21AndLater() {
        assumeTrue(SequencedDifferential.available(), "SequencedMap arrived in JDK 21");
        for (long seed = 1; seed <= 20; seed++) {
            SequencedDifferential.assertSameHistory(LruMaps.lru(5), GuardedMaps.linkedHashMap(LruMaps.lru(5)), seed, 1_000);
        }
    }

    @Test
    void keepsTheEntriesAndOrderTheWrappedMapAlreadyHeld() {
        LinkedHashMap<String, String> original = new LinkedHashMap<>();
        original.put("c", "3");
        original.put("a", "1");

        LinkedHashMap<String, String> map = guarded(original);
        map.put("b", "2");

        assertEquals(List.of("c", "a", "b"), new ArrayList<>(map.keySet()));
    }

    @Test
    void getMovesAnEntryToTheEndOfAnAccessOrderedMap() {
        LinkedHashMap<String, String> map = guarded(new LinkedHashMap<>(16, 0.75f, true));
        map.put("a", "1");
        map.put("b", "2");

        map.get("a");

        assertEquals(List.of("b", "a"), new ArrayList<>(map.keySet()));
    }

    @Test
    void evictsThroughTheRemoveEldestEntryOfAnAnonymousLruSubclass() {
        LinkedHashMap<String, String> map = guarded(LruMaps.lru(2));
        map.put("a", "1");
        map.put("b", "2");
        map.get("a");

        map.put("c", "3");

        assertEquals(List.of("a", "c"), new ArrayList<>(map.keySet()));
    }

    @Test
    void equalsHashCodeAndToStringAgreeWithAPlainLinkedHashMapBothWays() {
        LinkedHashMap<String, String> plain = new LinkedHashMap<>();
        plain.put("b", "2");
        plain.put(null, null);
        LinkedHashMap<String, String> map = guarded(new LinkedHashMap<>(plain));

        assertEquals(plain, map);
        assertEquals(map, plain);
        assertEquals(plain.hashCode(), map.hashCode());
        assertEquals(plain.toString(), map.toString());
    }

    @Test
    void toStringOfAMapThatContainsItselfSaysThisMap() {
        LinkedHashMap<String, Object> map = GuardedMaps.linkedHashMap(new LinkedHashMap<>());
        map.put("self", map);

        assertEquals("{self=(this Map)}", map.toString());
    }

    @Test
    void serializesAsAPlainLinkedHashMapInTheSameOrder() {
        LinkedHashMap<String, String> map = guarded(new LinkedHashMap<>());
        map.put("b", "2");
        map.put("a", "1");

        Object read = Serialization.roundTrip(map);

        assertSame(LinkedHashMap.class, read.getClass());
        assertEquals(List.of("b", "a"), new ArrayList<>(((Map<?, ?>) read).keySet()));
        assertFalse(Serialization.streamMentions(map, "io.cacheguard.agent.runtime"), "the stream names a runtime class");
    }

    @Test
    void serializesAnLruSubclassAsThatSubclassWhichStillEvicts() {
        LinkedHashMap<String, String> original = LruMaps.lru(2);
        LinkedHashMap<String, String> map = guarded(original);
        map.put("a", "1");
        map.put("b", "2");

        @SuppressWarnings("unchecked")
        Map<String, String> read = (Map<String, String>) Serialization.roundTrip(map);
        read.get("a");
        read.put("c", "3");

        assertSame(original.getClass(), read.getClass());
        assertEquals(List.of("a", "c"), new ArrayList<>(read.keySet()));
    }

    @Test
    void cloneIsAnIndependentGuardedCopyThatKeepsClassOrderAndEviction() {
        LinkedHashMap<String, String> map = guarded(LruMaps.lru(2));
        map.put("a", "1");
        map.put("b", "2");

        @SuppressWarnings("unchecked")
        LinkedHashMap<String, String> copy = (LinkedHashMap<String, String>) map.clone();
        copy.get("a");
        copy.put("c", "3");
        map.remove("b");

        assertTrue(copy instanceof GuardedMap);
        assertEquals(List.of("a", "c"), new ArrayList<>(copy.keySet()));
        assertEquals(List.of("a"), new ArrayList<>(map.keySet()));
    }

    @Test
    void iteratingWhileTheMapChangesNeverThrowsConcurrentModification() {
        LinkedHashMap<String, String> map = guarded(new LinkedHashMap<>());
        map.put("a", "1");
        map.put("b", "2");

        List<String> seen = new ArrayList<>();
        for (String key : map.keySet()) {
            seen.add(key);
            map.put(key + "'", "added while iterating");
        }

        assertEquals(List.of("a", "b"), seen); // a snapshot: what was there when iteration began
        assertEquals(List.of("a", "b", "a'", "b'"), new ArrayList<>(map.keySet()));
    }

    /**
     * Legacy code often wraps a compound action in {@code synchronized (cache)}. The field now holds
     * the wrapper, so the wrapper must be the monitor every one of its operations takes.
     */
    @Test
    void aThreadHoldingTheMapsMonitorKeepsOtherThreadsOperationsOut() {
        LinkedHashMap<String, String> map = guarded(new LinkedHashMap<>());
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            CompletableFuture<String> put;
            synchronized (map) {
                Thread[] writer = new Thread[1];
                put = CompletableFuture.supplyAsync(() -> {
                    writer[0] = Thread.currentThread();
                    return map.put("k", "v");
                });
                while (writer[0] == null || writer[0].getState() != Thread.State.BLOCKED) {
                    Thread.onSpinWait();
                }
                assertFalse(map.containsKey("k"));
            }
            put.join();
            assertTrue(map.containsKey("k"));
        });
    }
}
