package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * Every access synchronized, but each change hands the live map to a listener, the project's own
 * interface. What the listener does with it is out of sight: an unguarded access, patch.
 */
public final class OverrideNotifier {

    public interface Listener {
        void overridesChanged(Map<String, String> overrides);
    }

    @Expect(PATCH)
    private final Map<String, String> overrides = new HashMap<>();
    private final Listener listener;

    public OverrideNotifier(Listener listener) {
        this.listener = listener;
    }

    public synchronized void override(String key, String value) {
        overrides.put(key, value);
        listener.overridesChanged(overrides);
    }

    public synchronized String get(String key) {
        return overrides.get(key);
    }
}
