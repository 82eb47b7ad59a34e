package io.cacheguard.samples.harness;

import java.time.Duration;

/** A point on the monotonic clock; wall-clock time could jump and end a run early or never. */
public final class Deadline {

    private final long endNanos;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    public static Deadline after(Duration duration) {
        return new Deadline(System.nanoTime() + duration.toNanos());
    }

    public boolean passed() {
        return System.nanoTime() - endNanos >= 0;
    }
}
