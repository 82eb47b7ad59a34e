package io.cacheguard.samples.staticmemo;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ChecksumMemo} with only its map made thread-safe: the get-then-put stays non-atomic, as it
 * would after the agent's patch, and the invariants must still hold.
 */
public final class SafeChecksumMemo implements ChecksumTable {

    private static final Map<Integer, String> CACHE = new ConcurrentHashMap<>();

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
