package io.cacheguard.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.Reference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.junit.jupiter.api.Test;

/** The guarded WeakHashMap wraps the original in place and keeps its weak keys. */
class GuardedWeakHashMapTest {
    @Test
    void behavesLikeWeakHashMapOverLongRandomHistories() {
        // The keys are small Integers, which the Integer cache keeps reachable: nothing is collected.
        for (long seed = 1; seed <= 20; seed++) {
            Differential.assertSameHistory(new WeakHashMap<>(), GuardedMaps.weakHashMap(new WeakHashMap<>()),
                    false, seed, 2_000);
        }
    }

    @Test
    void anEntryDisappearsOnceItsKeyIsUnreachable() {
        WeakHashMap<Object, String> map = GuardedMaps.weakHashMap(new WeakHashMap<>());
        Object kept = new Object();
        map.put(kept, "kept");
        putUnreachableKey(map);
        assertEquals(2, new ArrayList<>(map.keySet()).size()); // a snapshot, dropped at once

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (map.size() > 1 && System.nanoTime() < deadline) {
            System.gc(); // the entry goes once the collector cleared the key and queued its reference
            Thread.yield();
        }

        assertEquals(List.of("kept"), new ArrayList<>(map.values()));
        Reference.reachabilityFence(kept);
    }

    private static void putUnreachableKey(Map<Object, String> map) {
        map.put(new Object(), "collectable");
    }

    @Test
    void keepsANullKey() {
        WeakHashMap<Object, String> map = GuardedMaps.weakHashMap(new WeakHashMap<>());

        map.put(null, "for null");

        assertEquals("for null", map.get(null));
        assertTrue(map.containsKey(null));
    }

    @Test
    void keepsTheEntriesTheWrappedMapAlreadyHeld() {
        WeakHashMap<String, String> original = new WeakHashMap<>();
        original.put("a", "1");

        assertEquals(Map.of("a", "1"), GuardedMaps.weakHashMap(original));
    }

    @Test
    void equalsHashCodeAndToStringAgreeWithAPlainWeakHashMapBothWays() {
        WeakHashMap<String, String> plain = new WeakHashMap<>();
        plain.put("a", "1");
        WeakHashMap<String, String> map = GuardedMaps.weakHashMap(new WeakHashMap<>(plain));

        assertEquals(plain, map);
        assertEquals(map, plain);
        assertEquals(plain.hashCode(), map.hashCode());
        assertEquals(plain.toString(), map.toString());
    }

    @Test
    void iteratingWhileTheMapChangesNeverThrowsConcurrentModification() {
        WeakHashMap<String, String> map = GuardedMaps.weakHashMap(new WeakHashMap<>());
        map.put("a", "1");
        map.put("b", "2");

        for (String key : map.keySet()) {
            map.remove(key);
        }

        assertFalse(map.containsKey("a") || map.containsKey("b"));
    }
}
