package io.cacheguard.agent.runtime.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WeakIdentityMapTest {
    private final WeakIdentityMap<String> map = new WeakIdentityMap<>();

    @Test
    void keysAreComparedByIdentity() {
        String key = new String("k");
        map.put(key, "v");
        assertEquals("v", map.get(key));
        assertNull(map.get(new String("k")));
    }

    @Test
    void removeAnswersTheValueItRemoved() {
        Object key = new Object();
        map.put(key, "v");
        assertEquals("v", map.remove(key));
        assertNull(map.get(key));
        assertNull(map.remove(key));
        assertEquals(0, map.size());
    }

    @Test
    void computeIfAbsentCreatesOnce() {
        Object key = new Object();
        String first = map.computeIfAbsent(key, k -> new String("v"));
        assertSame(first, map.computeIfAbsent(key, k -> "other"));
    }

    @Test
    void manyKeysSurviveGrowth() {
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Object key = new Object();
            keys.add(key);
            map.put(key, "v" + i);
        }
        for (int i = 0; i < keys.size(); i++) {
            assertEquals("v" + i, map.get(keys.get(i)));
        }
        assertEquals(10_000, map.size());
    }

    @Test
    void entriesOfCollectedKeysGoAway() throws InterruptedException {
        for (int i = 0; i < 10_000; i++) {
            map.put(new Object(), "dead");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (map.size() > 0 && System.nanoTime() < deadline) {
            System.gc();
            Thread.onSpinWait();
        }
        assertTrue(map.size() == 0, "entries left: " + map.size());
    }
}
