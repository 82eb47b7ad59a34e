package io.cacheguard.agent.analysis.catalogue.wholeprogram;

/** Uses {@link SharedIndex}'s package-private map without its lock. */
final class IndexWriter {
    public void write(SharedIndex index, String key) {
        index.positions.put(key, index.positions.size());
    }
}
