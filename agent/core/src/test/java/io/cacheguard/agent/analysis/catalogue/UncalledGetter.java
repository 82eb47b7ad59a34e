package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;
import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * Issue 14 item 5: a private getter that nothing calls (left over from debugging) hands the map to
 * no one: {@code names}, used only under {@code this} otherwise, is safe (before: patch, "escapes:
 * returned"). The same getter called from a public method does hand {@code labels} out: patch.
 */
public final class UncalledGetter {

    @Expect(value = SAFE, reason = "every access holds 'this'")
    private final Map<String, String> names = new HashMap<>();

    @Expect(value = PATCH, reason = "escapes")
    private final Map<String, String> labels = new HashMap<>();

    public synchronized String name(String key) {
        return names.get(key);
    }

    public synchronized void name(String key, String value) {
        names.put(key, value);
        labels.put(key, value);
    }

    public Map<String, String> labelsForTools() {
        return labelsOrNull();
    }

    private Map<String, String> namesForDebugging() {
        Map<String, String> all = names;
        return all.isEmpty() ? null : all;
    }

    private Map<String, String> labelsOrNull() {
        Map<String, String> all = labels;
        return all.isEmpty() ? null : all;
    }
}
