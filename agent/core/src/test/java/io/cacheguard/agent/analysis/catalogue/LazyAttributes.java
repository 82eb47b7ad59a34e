package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * A map created on first use to save memory when most instances never need it. Two threads can
 * both see null and both assign, and the puts hold no lock: patch.
 */
public final class LazyAttributes {

    @Expect(PATCH)
    private Map<String, String> attributes;

    public String attribute(String name) {
        if (attributes == null) {
            attributes = new HashMap<>();
        }
        String value = attributes.get(name);
        if (value == null) {
            value = name.toLowerCase();
            attributes.put(name, value);
        }
        return value;
    }
}
