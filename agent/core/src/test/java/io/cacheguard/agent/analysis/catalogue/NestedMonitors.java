package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * Registration takes two monitors, registry then statistics; lookup takes only the registry's. The
 * accesses share the registry lock, one common lock: safe.
 */
public final class NestedMonitors {

    @Expect(SAFE)
    private final Map<String, Object> services = new HashMap<>();
    private final Object registryLock = new Object();
    private final Object statsLock = new Object();
    private int registrations;

    public void register(String name, Object service) {
        synchronized (registryLock) {
            synchronized (statsLock) {
                services.put(name, service);
                registrations++;
            }
        }
    }

    public Object lookup(String name) {
        synchronized (registryLock) {
            return services.get(name);
        }
    }

    public int registrations() {
        synchronized (statsLock) {
            return registrations;
        }
    }
}
