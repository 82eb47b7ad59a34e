package io.cacheguard.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import org.junit.jupiter.api.Test;

/** The factory the instrumented code calls: a guarded twin of the same type, never a second layer. */
class GuardedMapsTest {
    @Test
    void aHashMapBecomesAGuardedCopyOfItsEntries() {
        HashMap<String, String> raw = new HashMap<>(Map.of("a", "1"));

        HashMap<String, String> guarded = GuardedMaps.hashMap(raw, CacheBounds.NONE);
        raw.put("b", "2");

        assertTrue(guarded instanceof GuardedMap);
        assertEquals(Map.of("a", "1"), guarded);
    }

    @Test
    void aLinkedHashMapIsGuardedInPlace() {
        LinkedHashMap<String, String> raw = new LinkedHashMap<>();

        LinkedHashMap<String, String> guarded = GuardedMaps.linkedHashMap(raw);
        guarded.put("a", "1");

        assertTrue(guarded instanceof GuardedMap);
        assertEquals(Map.of("a", "1"), raw);
    }

    @Test
    void aWeakHashMapIsGuardedInPlace() {
        WeakHashMap<String, String> raw = new WeakHashMap<>();

        WeakHashMap<String, String> guarded = GuardedMaps.weakHashMap(raw);
        guarded.put("a", "1");

        assertTrue(guarded instanceof GuardedMap);
        assertEquals(Map.of("a", "1"), raw);
    }

    @Test
    void aGuardedMapIsReturnedAsItIs() {
        HashMap<String, String> hash = GuardedMaps.hashMap(new HashMap<>(), CacheBounds.NONE);
        LinkedHashMap<String, String> linked = GuardedMaps.linkedHashMap(new LinkedHashMap<>());
        WeakHashMap<String, String> weak = GuardedMaps.weakHashMap(new WeakHashMap<>());

        assertSame(hash, GuardedMaps.hashMap(hash, UserBounds.parse("maximumSize=1")));
        assertSame(linked, GuardedMaps.linkedHashMap(linked));
        assertSame(weak, GuardedMaps.weakHashMap(weak));
    }

    @Test
    void nullStaysNull() {
        assertNull(GuardedMaps.hashMap(null, CacheBounds.NONE));
        assertNull(GuardedMaps.linkedHashMap(null));
        assertNull(GuardedMaps.weakHashMap(null));
    }
}
