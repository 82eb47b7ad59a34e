package io.cacheguard.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link Guards#guard} does with a value no wrapper stands for. Regression: a thread-safe map
 * stored into a patched field (a {@code ConcurrentHashMap}, {@code Properties}) was reported as
 * "left unguarded", as if something were wrong with it.
 */
class GuardsTest {
    private final List<String> unwrappable = new ArrayList<>();

    @BeforeEach
    void listen() {
        Guards.configure(CacheBounds.NONE, Map.of(), new GuardListener() {
            @Override
            public void unwrappable(String field, String valueClass, String why) {
                unwrappable.add(field + ": " + valueClass);
            }

            @Override
            public void guardFailed(String field, Throwable error) {
            }
        });
    }

    @AfterEach
    void stopListening() {
        Guards.configure(CacheBounds.NONE, Map.of(), GuardListener.NONE);
    }

    @Test
    void aMapThatIsSafeAsItIsIsLeftAloneAndNotReported() {
        List<Map<Object, Object>> safe = List.of(new ConcurrentHashMap<>(), new ConcurrentSkipListMap<>(),
                new Hashtable<>(), new Properties(), Collections.synchronizedMap(new HashMap<>()),
                Collections.unmodifiableMap(new HashMap<>()), Map.of(), Map.of("k", "v"), Collections.emptyMap());
        for (Map<Object, Object> map : safe) {
            assertSame(map, Guards.guard(map, "com.acme.SafeCache.map"), map.getClass()::getName);
        }
        assertEquals(List.of(), unwrappable);
    }

    @Test
    void aMapNoWrapperStandsForIsLeftAloneAndReportedOncePerFieldAndClass() {
        TreeMap<String, String> sorted = new TreeMap<>();
        assertSame(sorted, Guards.guard(sorted, "com.acme.SortedCache.map"));
        TreeMap<String, String> another = new TreeMap<>();
        assertSame(another, Guards.guard(another, "com.acme.SortedCache.map"));
        assertEquals(List.of("com.acme.SortedCache.map: java.util.TreeMap"), unwrappable);
    }
}
