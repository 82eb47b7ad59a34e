package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * The lazily created map done right: creation, reads and writes all inside synchronized methods.
 * The assignment outside the constructor holds 'this' like every other access: safe.
 */
public final class LazySynchronizedAttributes {

    @Expect(SAFE)
    private Map<String, String> attributes;

    public synchronized void set(String name, String value) {
        if (attributes == null) {
            attributes = new HashMap<>();
        }
        attributes.put(name, value);
    }

    public synchronized String get(String name) {
        return attributes == null ? null : attributes.get(name);
    }
}
