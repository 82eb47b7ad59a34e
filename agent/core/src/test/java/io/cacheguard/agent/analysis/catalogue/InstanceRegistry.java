package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * Synchronized blocks with early returns and a throw inside, for which javac emits a monitorexit
 * on each exit path plus the exception handler's. Every access is inside the block on every path:
 * safe.
 */
public final class InstanceRegistry {

    @Expect(SAFE)
    private final Map<String, Object> instances = new HashMap<>();

    public Object instance(String name) {
        synchronized (instances) {
            Object existing = instances.get(name);
            if (existing != null) {
                return existing;
            }
            if (name.isEmpty()) {
                throw new IllegalArgumentException("empty name");
            }
            Object created = new StringBuilder(name);
            instances.put(name, created);
            return created;
        }
    }

    public boolean forget(String name) {
        synchronized (instances) {
            if (!instances.containsKey(name)) {
                return false;
            }
            instances.remove(name);
            return true;
        }
    }

    public int forgetAll(String[] names) {
        int forgotten = 0;
        for (String name : names) {
            synchronized (instances) {
                if (name == null) {
                    continue;
                }
                if (instances.remove(name) == null) {
                    break;
                }
                forgotten++;
            }
        }
        return forgotten;
    }
}
