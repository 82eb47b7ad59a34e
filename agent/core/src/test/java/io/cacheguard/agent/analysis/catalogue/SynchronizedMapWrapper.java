package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps wrapped in {@code Collections.synchronizedMap} when created and used bare afterwards, even
 * iterated without the wrapper's monitor. Every single call is thread-safe already, and wrapping
 * again would add nothing: safe.
 */
public final class SynchronizedMapWrapper {

    @Expect(value = SAFE, reason = "thread-safe")
    private final Map<String, Object> sessions = Collections.synchronizedMap(new HashMap<>());

    @Expect(value = SAFE, reason = "thread-safe")
    private final Map<String, Integer> counters = Collections.synchronizedMap(new LinkedHashMap<>());

    public void store(String id, Object session) {
        sessions.put(id, session);
        counters.merge("stored", 1, Integer::sum);
    }

    public Object session(String id) {
        return sessions.get(id);
    }

    public int total() {
        int total = 0;
        for (int count : counters.values()) {
            total += count;
        }
        return total;
    }
}
