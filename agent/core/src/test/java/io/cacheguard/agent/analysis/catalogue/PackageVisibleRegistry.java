package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;
import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * The class itself locks every access, but the package-private and protected fields are open to
 * other classes whose code this class cannot vouch for: patched, with that reason. The private one
 * is safe.
 */
public class PackageVisibleRegistry {

    @Expect(value = PATCH, reason = "package-private")
    final Map<String, Object> byName = new HashMap<>();

    @Expect(value = PATCH, reason = "protected")
    protected final Map<String, Object> byAlias = new HashMap<>();

    @Expect(SAFE)
    private final Map<String, Object> byId = new HashMap<>();

    public synchronized void register(String name, String alias, String id, Object value) {
        byName.put(name, value);
        byAlias.put(alias, value);
        byId.put(id, value);
    }

    public synchronized Object lookup(String name) {
        Object value = byName.get(name);
        return value != null ? value : byAlias.getOrDefault(name, byId.get(name));
    }
}
