package io.cacheguard.agent.analysis.catalogue.wholeprogram;

import static io.cacheguard.agent.analysis.Verdict.PATCH;
import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * Issue 14 item 5, package-private dead getters: {@code entries()} hands the map out, but no class
 * of the package calls it (nor names it in a string), so with the whole program in view it hands it
 * to no one: safe. {@code aliases()} is called by {@link AliasDump}, which puts into the map with no
 * lock: patch. Before, both getters were escapes.
 */
public class LockedLookup {

    @Expect(value = SAFE, reason = "every access holds 'this'")
    private final Map<String, Object> entries = new HashMap<>();

    @Expect(value = PATCH, reason = "returned")
    private final Map<String, Object> aliases = new HashMap<>();

    public synchronized Object get(String key) {
        Object found = entries.get(key);
        return found != null ? found : aliases.get(key);
    }

    public synchronized void put(String key, String alias, Object value) {
        entries.put(key, value);
        aliases.put(alias, value);
    }

    Map<String, Object> entries() {
        return entries;
    }

    Map<String, Object> aliases() {
        return aliases;
    }
}
