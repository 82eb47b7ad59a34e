package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The anonymous LRU: {@code new LinkedHashMap<>(64, 0.75f, true) { removeEldestEntry ... }}.
 * Puts are synchronized, gets are not because "reads need no lock", yet in access order a get
 * relinks: patch.
 */
public final class AnonymousLruCache {
    private static final int MAX_PAGES = 64;

    @Expect(PATCH)
    private final Map<String, byte[]> pages = new LinkedHashMap<>(MAX_PAGES, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > MAX_PAGES;
        }
    };

    public synchronized void put(String path, byte[] page) {
        pages.put(path, page);
    }

    public byte[] get(String path) {
        return pages.get(path);
    }
}
