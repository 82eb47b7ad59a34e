package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;
import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * Double-brace initialization: an anonymous HashMap subclass whose initializer puts the entries.
 * {@link #DEFAULTS} is only read afterwards, read-only once published: safe. {@link #overrides} is
 * also put into later by any thread, without a lock: patch.
 */
public final class DoubleBraceDefaults {

    @Expect(SAFE)
    private static final Map<String, String> DEFAULTS = new HashMap<String, String>() {
        private static final long serialVersionUID = 1L;

        {
            put("encoding", "UTF-8");
            put("timeout", "30");
        }
    };

    @Expect(PATCH)
    private final Map<String, String> overrides = new HashMap<String, String>() {
        private static final long serialVersionUID = 1L;

        {
            put("mode", "strict");
        }
    };

    public String get(String key) {
        String value = overrides.get(key);
        return value != null ? value : DEFAULTS.get(key);
    }

    public void set(String key, String value) {
        overrides.put(key, value);
    }
}
