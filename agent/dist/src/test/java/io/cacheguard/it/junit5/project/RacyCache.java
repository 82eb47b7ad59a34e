package io.cacheguard.it.junit5.project;

import java.util.HashMap;
import java.util.Map;

/** The racy shape the agent patches and tracks: a static HashMap filled by get-then-put, no lock. */
public final class RacyCache {
    private static final Map<Integer, String> CACHE = new HashMap<>();

    private RacyCache() {
    }

    public static String lookup(int key) {
        String value = CACHE.get(key);
        if (value == null) {
            value = "value-" + key;
            CACHE.put(key, value);
        }
        return value;
    }
}
