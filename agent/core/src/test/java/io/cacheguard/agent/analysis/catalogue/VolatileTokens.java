package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;

/**
 * A HashMap in a volatile field, mutated in place by every thread. Volatile orders the reference,
 * not the map's insides; the puts hold no lock: patch.
 */
public final class VolatileTokens {

    @Expect(PATCH)
    private volatile HashMap<String, String> tokens = new HashMap<>();

    public void issue(String user, String token) {
        tokens.put(user, token);
    }

    public String token(String user) {
        return tokens.get(user);
    }
}
