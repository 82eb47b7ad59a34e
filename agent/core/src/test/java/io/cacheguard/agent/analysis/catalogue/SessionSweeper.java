package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Sessions loaded by the constructor and only looked up afterwards, except that a janitor thread
 * purges expired ones with {@code iterator().remove()}. That removal is the map's only write after
 * construction, and it holds no lock: patch.
 */
public final class SessionSweeper {

    @Expect(PATCH)
    private final Map<String, Long> expiryBySession = new HashMap<>();

    public SessionSweeper(Map<String, Long> initial) {
        expiryBySession.putAll(initial);
    }

    public boolean isActive(String id, long now) {
        Long expiry = expiryBySession.get(id);
        return expiry != null && expiry > now;
    }

    public void purge(long now) {
        for (Iterator<Map.Entry<String, Long>> it = expiryBySession.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getValue() <= now) {
                it.remove();
            }
        }
    }
}
