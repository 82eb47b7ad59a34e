package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * RPC correlation with wait/notify: the reader thread completes responses, callers wait for theirs.
 * Both sides touch the map only inside synchronized methods; wait releases the monitor between
 * accesses, never during one. Safe.
 */
public final class PendingRequests {

    @Expect(SAFE)
    private final Map<Long, Object> responses = new HashMap<>();

    public synchronized void complete(long id, Object response) {
        responses.put(id, response);
        notifyAll();
    }

    public synchronized Object await(long id, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!responses.containsKey(id)) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return null;
            }
            wait(left);
        }
        return responses.remove(id);
    }
}
