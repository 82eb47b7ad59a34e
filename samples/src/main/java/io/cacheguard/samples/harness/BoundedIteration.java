package io.cacheguard.samples.harness;

/**
 * Counts what an iterator yields, giving up past a limit. A racily corrupted linked map can hold a
 * cycle, and a plain for-each over it would hang the checker instead of reporting the corruption.
 */
public final class BoundedIteration {

    /** Returned when the iteration yields more than the limit. */
    public static final int TOO_MANY = -1;

    private BoundedIteration() {
    }

    public static int count(Iterable<?> items, int limit) {
        int count = 0;
        for (Object ignored : items) {
            if (++count > limit) {
                return TOO_MANY;
            }
        }
        return count;
    }
}
