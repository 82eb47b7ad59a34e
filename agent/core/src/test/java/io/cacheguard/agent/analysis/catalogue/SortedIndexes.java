package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.SKIP;

import io.cacheguard.agent.analysis.Expect;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Racy sorted indexes, declared TreeMap, SortedMap and NavigableMap. A wrapper for HashMap cannot
 * stand in for a sorted type: skip, with the reason, however racy the use.
 */
public final class SortedIndexes {

    @Expect(value = SKIP, reason = "cannot take a wrapper")
    private final TreeMap<String, Integer> byName = new TreeMap<>();

    @Expect(value = SKIP, reason = "cannot take a wrapper")
    private final SortedMap<Long, String> byTime = new TreeMap<>();

    @Expect(value = SKIP, reason = "cannot take a wrapper")
    private final NavigableMap<Integer, String> byRank = new TreeMap<>();

    public void add(String name, long time, int rank) {
        byName.put(name, rank);
        byTime.put(time, name);
        byRank.put(rank, name);
    }

    public String first() {
        return byTime.isEmpty() ? null : byTime.get(byTime.firstKey());
    }

    public String best() {
        return byRank.isEmpty() ? null : byRank.lastEntry().getValue();
    }
}
