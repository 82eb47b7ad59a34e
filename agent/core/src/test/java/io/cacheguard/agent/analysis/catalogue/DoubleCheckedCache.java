package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * Double-checked locking on a map: look without the lock, and only on a miss lock, look again and
 * put. The first get can run during a put's resize: reads and writes hold different locks, patch.
 */
public final class DoubleCheckedCache {

    @Expect(PATCH)
    private final Map<String, Object> resources = new HashMap<>();

    public Object resource(String name) {
        Object resource = resources.get(name);
        if (resource == null) {
            synchronized (this) {
                resource = resources.get(name);
                if (resource == null) {
                    resource = new StringBuilder(name);
                    resources.put(name, resource);
                }
            }
        }
        return resource;
    }
}
