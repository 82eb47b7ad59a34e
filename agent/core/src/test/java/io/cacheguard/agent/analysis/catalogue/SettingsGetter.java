package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * Synchronized methods, and a synchronized getter that returns the map itself. Callers use it after
 * the monitor is released, where the analysis cannot follow: an unguarded access, patch.
 */
public final class SettingsGetter {

    @Expect(PATCH)
    private final Map<String, String> settings = new HashMap<>();

    public synchronized void set(String key, String value) {
        settings.put(key, value);
    }

    public synchronized String get(String key) {
        return settings.get(key);
    }

    public synchronized Map<String, String> settings() {
        return settings;
    }
}
