package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Maps filled by the constructor whose only later changes go through their views:
 * {@code keySet().retainAll}, {@code values().removeIf}, {@code keySet().remove}. A view removes
 * from the map behind it; each is an unlocked write: patch.
 */
public final class FeatureFlags {

    @Expect(PATCH)
    private final Map<String, Boolean> flags = new HashMap<>();

    @Expect(PATCH)
    private final Map<String, Runnable> hooks = new HashMap<>();

    @Expect(PATCH)
    private final Map<String, String> aliases = new HashMap<>();

    public FeatureFlags(Map<String, Boolean> flags, Map<String, Runnable> hooks, Map<String, String> aliases) {
        this.flags.putAll(flags);
        this.hooks.putAll(hooks);
        this.aliases.putAll(aliases);
    }

    public void restrictTo(Set<String> allowed) {
        flags.keySet().retainAll(allowed);
    }

    public void dropMissingHooks() {
        hooks.values().removeIf(Objects::isNull);
    }

    public void forgetAlias(String alias) {
        aliases.keySet().remove(alias);
    }

    public boolean enabled(String feature) {
        Boolean enabled = flags.get(aliases.getOrDefault(feature, feature));
        return Boolean.TRUE.equals(enabled);
    }

    public Runnable hook(String feature) {
        return hooks.get(feature);
    }
}
