package io.cacheguard.agent.analysis;

import java.util.Objects;

/**
 * One lock as the analysis names it: which object (this, a class, a field's value) and which kind
 * of locking (its monitor, a {@code Lock}, or the read or write side of a read-write lock).
 */
final class LockId {
    enum Mode { MONITOR, EXCLUSIVE, READ, WRITE }

    final Mode mode;
    /** The locked object: {@code this:Owner}, {@code class:Owner}, {@code field:Owner.name}, ... */
    final String target;
    /** The locked object in words, e.g. {@code 'lock'}. */
    private final String shownAs;

    LockId(Mode mode, String target, String shownAs) {
        this.mode = mode;
        this.target = target;
        this.shownAs = shownAs;
    }

    LockId withMode(Mode newMode) {
        return new LockId(newMode, target, shownAs);
    }

    /** False for a monitor on an object the analysis cannot name ({@link LockResolver#monitorOf}). */
    boolean isNamed() {
        return !target.startsWith("unknown:");
    }

    boolean isReadWrite() {
        return mode == Mode.READ || mode == Mode.WRITE;
    }

    /**
     * What two accesses must share to be ordered: the same monitor, the same lock, or the same
     * read-write lock (in any mode for reads, in write mode for writes; checked by the caller).
     */
    String guardKey() {
        return (isReadWrite() ? "rw" : mode.name()) + ":" + target;
    }

    /** The lock in words for reasons: {@code 'this'}, {@code the read lock of 'rw'}. */
    String describe() {
        switch (mode) {
            case READ:
                return "the read lock of " + shownAs;
            case WRITE:
                return "the write lock of " + shownAs;
            default:
                return shownAs;
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LockId)) {
            return false;
        }
        LockId other = (LockId) o;
        return mode == other.mode && target.equals(other.target);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, target);
    }

    @Override
    public String toString() {
        return describe();
    }
}
