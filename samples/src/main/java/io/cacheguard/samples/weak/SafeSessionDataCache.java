package io.cacheguard.samples.weak;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/** {@link SessionDataCache} with its weak map behind a synchronized view, keeping weak keys. */
public final class SafeSessionDataCache implements SessionData {

    private final Map<Session, String> cache = Collections.synchronizedMap(new WeakHashMap<>());

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
