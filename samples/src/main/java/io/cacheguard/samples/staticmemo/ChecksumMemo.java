package io.cacheguard.samples.staticmemo;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The classic static memo: one {@code static final HashMap} shared by every caller, filled with
 * get-then-put and no lock, because "the worst case is computing a value twice". The worst case is
 * in fact a map that loses entries and its count while it resizes under several writers.
 *
 * <p>Deliberately wrong. The agent is meant to find {@link #CACHE} and make it thread-safe.
 */
public final class ChecksumMemo implements ChecksumTable {

    private static final Map<Integer, String> CACHE = new HashMap<>();

    @Override
    public String checksum(int block) {
        String sum = CACHE.get(block);
        if (sum == null) {
            sum = Checksum.of(block);
            CACHE.put(block, sum);
        }
        return sum;
    }

    @Override
    public String remembered(int block) {
        return CACHE.get(block);
    }

    @Override
    public int size() {
        return CACHE.size();
    }

    @Override
    public Set<Integer> blocks() {
        return CACHE.keySet();
    }

    @Override
    public void clear() {
        CACHE.clear();
    }
}
