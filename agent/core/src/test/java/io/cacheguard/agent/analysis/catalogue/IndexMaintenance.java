package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The write sits two private helpers deep: synchronized {@code reindex} calls {@code rebuild},
 * which calls {@code addAll}, which puts. Each helper is only ever called with 'this' held, so the
 * put is too: safe.
 */
public final class IndexMaintenance {

    @Expect(SAFE)
    private final Map<String, Integer> positions = new HashMap<>();

    public synchronized void reindex(List<String> documents) {
        rebuild(documents);
    }

    public synchronized Integer position(String document) {
        return positions.get(document);
    }

    private void rebuild(List<String> documents) {
        positions.clear();
        addAll(documents);
    }

    private void addAll(List<String> documents) {
        for (int i = 0; i < documents.size(); i++) {
            positions.put(documents.get(i), i);
        }
    }
}
