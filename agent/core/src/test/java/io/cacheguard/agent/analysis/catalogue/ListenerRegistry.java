package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Listeners copied into an ArrayList under the monitor and called outside it, so a listener may
 * unregister itself. Copying through a JDK constructor is a read under 'this', like every other
 * access: safe.
 */
public final class ListenerRegistry {

    @Expect(SAFE)
    private final Map<String, Runnable> listeners = new LinkedHashMap<>();

    public synchronized void add(String id, Runnable listener) {
        listeners.put(id, listener);
    }

    public synchronized void remove(String id) {
        listeners.remove(id);
    }

    public void fire() {
        List<Runnable> copy;
        synchronized (this) {
            copy = new ArrayList<>(listeners.values());
        }
        for (Runnable listener : copy) {
            listener.run();
        }
    }
}
