package io.cacheguard.samples.weak;

import java.util.Set;

/** What the driver needs from a weakly keyed per-session cache, legacy or safe. */
public interface SessionData {

    void put(Session session, String data);

    /** The data for the session, or null. */
    String get(Session session);

    int size();

    /** A live view for checks made after all workers have finished. */
    Set<Session> sessions();
}
