package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * Copy-on-write routing table: writers copy under the monitor, change the copy and publish it
 * through a volatile field; readers read the field without a lock. A published map is never
 * changed again: safe, copy-on-write with a volatile field.
 */
public final class CopyOnWriteRoutes {

    @Expect(value = SAFE, reason = "copy-on-write")
    private volatile Map<String, String> routes = new HashMap<>();

    public String route(String path) {
        return routes.get(path);
    }

    public synchronized void add(String path, String target) {
        Map<String, String> copy = new HashMap<>(routes);
        copy.put(path, target);
        routes = copy;
    }

    public synchronized void remove(String path) {
        Map<String, String> copy = new HashMap<>(routes);
        copy.remove(path);
        routes = copy;
    }
}
