package io.cacheguard.samples.weak;

import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Per-session data in a {@link WeakHashMap}, so that it goes away with the session: a good reason
 * for weak keys, and no reason at all for it to survive concurrent puts. A {@code WeakHashMap}
 * resizes by relinking its chains, and racing resizes lose entries or link chains into cycles.
 *
 * <p>Deliberately wrong. The agent is meant to find {@link #cache} and make it thread-safe.
 */
public final class SessionDataCache implements SessionData {

    private final Map<Session, String> cache = new WeakHashMap<>();

    @Override
    public void put(Session session, String data) {
        cache.put(session, data);
    }

    @Override
    public String get(Session session) {
        return cache.get(session);
    }

    @Override
    public int size() {
        return cache.size();
    }

    @Override
    public Set<Session> sessions() {
        return cache.keySet();
    }
}
