package io.cacheguard.samples.staticmemo;

import java.util.Set;

/** What the driver needs from a memo of block checksums, legacy or safe. */
public interface ChecksumTable {

    /** The checksum of a block, computed once and remembered. */
    String checksum(int block);

    /** What is remembered for a block, without computing it; null if nothing is. */
    String remembered(int block);

    int size();

    /** A live view for checks made after all workers have finished. */
    Set<Integer> blocks();

    /** Forgets everything; only called while no worker runs. */
    void clear();
}
