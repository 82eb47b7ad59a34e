package io.cacheguard.samples.harness;

/**
 * Workers did not finish in time. With a racy map this means a thread is looping in a corrupted
 * structure (a cycle in a bin or a linked list); it cannot be interrupted, only reported.
 */
public final class HangDetected extends Exception {

    private static final long serialVersionUID = 1L;

    public HangDetected(String detail) {
        super(detail, null, false, false);
    }
}
