package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * The owner's methods are synchronized, and so is the inner Flusher's {@code run}; but there
 * 'this' is the Flusher, not the owner. Two monitors, so the clear can meet a put: patch.
 */
public final class InnerMonitorMismatch {

    @Expect(PATCH)
    private final Map<String, String> pending = new HashMap<>();

    public synchronized void enqueue(String key, String value) {
        pending.put(key, value);
    }

    public synchronized int backlog() {
        return pending.size();
    }

    public Runnable flusher() {
        return new Flusher();
    }

    private final class Flusher implements Runnable {
        @Override
        public synchronized void run() {
            pending.clear();
        }
    }
}
