package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * Every access synchronized, but {@code archive} stores the live map into an array slot for a
 * debug page to show later. Stored elsewhere, the map is used where no lock is known: patch.
 */
public final class HistoryArchive {

    @Expect(PATCH)
    private final Map<String, String> history = new HashMap<>();
    private final Object[] archive = new Object[8];
    private int next;

    public synchronized void record(String key, String value) {
        history.put(key, value);
    }

    public synchronized void archive() {
        archive[next++ % archive.length] = history;
    }

    public synchronized Object archived(int slot) {
        return archive[slot];
    }
}
