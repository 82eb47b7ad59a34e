package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * Synchronized everywhere but one getter, {@code size()}, left bare because "an int read is
 * atomic". It reads while writers resize under the monitor; the read holds no lock: patch.
 */
public final class ServiceDirectory {

    @Expect(PATCH)
    private final Map<String, Object> services = new HashMap<>();

    public synchronized void register(String name, Object service) {
        services.put(name, service);
    }

    public synchronized void unregister(String name) {
        services.remove(name);
    }

    public synchronized Object lookup(String name) {
        return services.get(name);
    }

    public int size() {
        return services.size();
    }
}
