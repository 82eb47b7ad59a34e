package io.cacheguard.agent.analysis.catalogue.wholeprogram;

/** Uses {@link SharedIndex}'s package-private map without its lock. */
final class IndexWriter {
    void write(SharedIndex index, String key) {
        index.positions.put(key, index.positions.size());
    }
}
