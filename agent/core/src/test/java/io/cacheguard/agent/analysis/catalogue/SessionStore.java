package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/** Every method that touches the map is synchronized: every access holds 'this', safe. */
public final class SessionStore {

    @Expect(SAFE)
    private final Map<String, Object> sessions = new HashMap<>();

    public synchronized Object session(String id) {
        return sessions.get(id);
    }

    public synchronized void store(String id, Object session) {
        sessions.put(id, session);
    }

    public synchronized void invalidate(String id) {
        sessions.remove(id);
    }

    public synchronized boolean isEmpty() {
        return sessions.isEmpty();
    }
}
