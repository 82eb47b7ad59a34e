package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The iterator is taken under the monitor, but the loop that removes through it runs after the
 * block has ended. The removal writes to the map with no lock held: patch.
 */
public final class IteratorOutsideLock {

    @Expect(PATCH)
    private final Map<String, Long> leases = new HashMap<>();

    public synchronized void grant(String owner, long until) {
        leases.put(owner, until);
    }

    public synchronized Long lease(String owner) {
        return leases.get(owner);
    }

    public void expire(long now) {
        Iterator<Long> untils;
        synchronized (this) {
            untils = leases.values().iterator();
        }
        while (untils.hasNext()) {
            if (untils.next() < now) {
                untils.remove();
            }
        }
    }
}
