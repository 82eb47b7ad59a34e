package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * "Readers and writers get separate locks": two plain monitors named readLock and writeLock. A get
 * under one and a put under the other do not exclude each other: patch.
 */
public final class TwoMonitorsCache {

    @Expect(PATCH)
    private final Map<String, Object> entries = new HashMap<>();
    private final Object readLock = new Object();
    private final Object writeLock = new Object();

    public void put(String key, Object value) {
        synchronized (writeLock) {
            entries.put(key, value);
        }
    }

    public Object get(String key) {
        synchronized (readLock) {
            return entries.get(key);
        }
    }
}
