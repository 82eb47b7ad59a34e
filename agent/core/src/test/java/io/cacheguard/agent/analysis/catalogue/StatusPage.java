package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sessions changed under the monitor and listed for a status page by copying the key set into an
 * ArrayList, outside it. The JDK copy is a read with no lock while writers resize: patch.
 */
public final class StatusPage {

    @Expect(PATCH)
    private final Map<String, Long> lastSeen = new HashMap<>();

    public synchronized void seen(String session, long at) {
        lastSeen.put(session, at);
    }

    public synchronized void gone(String session) {
        lastSeen.remove(session);
    }

    public List<String> sessions() {
        return new ArrayList<>(lastSeen.keySet());
    }
}
