package io.cacheguard.samples.harness;

/**
 * After all workers have finished, a correct map's {@code size()} equals both the number of distinct
 * keys that should be in it and the number of entries iterating it yields. A racy map loses
 * increments of its size counter, drops entries, or keeps removed ones, and one of the three
 * numbers disagrees.
 */
public final class SizeAudit {

    private SizeAudit() {
    }

    /** Reports the first disagreement, if any, and tells whether the three numbers agreed. */
    public static boolean verify(FirstViolation violations, String what, int expected, int size, Iterable<?> keys) {
        if (size != expected) {
            violations.report(what + ": size() is " + size + " but " + expected + " entries are expected");
            return false;
        }
        int iterated = BoundedIteration.count(keys, 2 * expected + 16);
        if (iterated == BoundedIteration.TOO_MANY) {
            violations.report(what + ": iteration yields over twice the " + size
                    + " entries size() reports (a cycle in the structure?)");
            return false;
        }
        if (iterated != size) {
            violations.report(what + ": size() is " + size + " but iteration yields " + iterated + " entries");
            return false;
        }
        return true;
    }
}
