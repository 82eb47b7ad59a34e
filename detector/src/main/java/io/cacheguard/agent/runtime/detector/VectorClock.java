package io.cacheguard.agent.runtime.detector;

import java.util.Arrays;

/**
 * A vector clock: for each thread (by its detector id), the last event of that thread this clock
 * has seen. Happens-before is "every component less or equal". Mutable, not thread-safe: each clock
 * is owned by one thread or guarded by the detector.
 */
public final class VectorClock {
    private long[] clocks;
    /**
     * The length without trailing zeros, kept as the clock changes: a release merges only that
     * much, and finding it by scanning from the end on every release was the detector's hottest loop
     * (clocks are as long as the most thread ids ever alive, most of them zero for a given thread).
     */
    private int significant;

    public VectorClock() {
        this.clocks = new long[4];
    }

    private VectorClock(long[] clocks, int significant) {
        this.clocks = clocks;
        this.significant = significant;
    }

    public VectorClock copy() {
        return new VectorClock(clocks.clone(), significant);
    }

    /** The component for thread {@code tid}; 0 for a thread this clock never heard of. */
    public long get(int tid) {
        return tid < clocks.length ? clocks[tid] : 0L;
    }

    public void set(int tid, long value) {
        if (tid >= clocks.length) {
            clocks = Arrays.copyOf(clocks, Math.max(tid + 1, clocks.length * 2));
        }
        clocks[tid] = value;
        if (value != 0L && tid >= significant) {
            significant = tid + 1;
        } else if (value == 0L && tid == significant - 1) {
            significant = scanSignificantLength();
        }
    }

    /** Advances this thread's own component: the start of a new epoch after a release. */
    public void tick(int tid) {
        set(tid, get(tid) + 1);
    }

    /** Takes in everything {@code other} has seen (an acquire, a join). */
    public void join(VectorClock other) {
        if (other.clocks.length > clocks.length) {
            clocks = Arrays.copyOf(clocks, other.clocks.length);
        }
        for (int i = 0; i < other.significant; i++) {
            if (other.clocks[i] > clocks[i]) {
                clocks[i] = other.clocks[i];
            }
        }
        significant = Math.max(significant, other.significant);
    }

    /** Takes in a {@link SyncClock}'s snapshot (an acquire). */
    void join(long[] other) {
        if (other.length > clocks.length) {
            clocks = Arrays.copyOf(clocks, other.length);
        }
        for (int i = 0; i < other.length; i++) {
            if (other[i] > clocks[i]) {
                clocks[i] = other[i];
                if (i >= significant) {
                    significant = i + 1;
                }
            }
        }
    }

    /**
     * {@code snapshot} joined with this clock, as a new array; {@code snapshot} itself when this
     * clock adds nothing to it. Every lock release runs this (the seed sample: some 24,000 a round,
     * its largest single cost under {@code hb}), so it is two plain loops over arrays the JIT can
     * check once: first for the first component this clock adds, then merging from there.
     */
    long[] joinedWith(long[] snapshot) {
        long[] mine = clocks;
        int own = significant; // every component of mine from here on is 0
        int theirs = snapshot.length;
        int common = Math.min(own, theirs);
        int first = 0;
        while (first < common && mine[first] <= snapshot[first]) {
            first++;
        }
        if (first == common) {
            while (first < own && mine[first] == 0L) { // past the snapshot's end, any nonzero component adds
                first++;
            }
            if (first == own) {
                return snapshot;
            }
        }
        long[] merged = Arrays.copyOf(snapshot, Math.max(theirs, own));
        for (int i = first; i < own; i++) {
            if (mine[i] > merged[i]) {
                merged[i] = mine[i];
            }
        }
        return merged;
    }

    /**
     * {@code target} joined with this clock in place, or a grown copy when this clock is longer: the
     * release into a {@link HeldClock}, whose lock orders every reader and writer of the array.
     */
    long[] joinInto(long[] target) {
        long[] mine = clocks;
        int own = significant;
        long[] into = target.length >= own ? target : Arrays.copyOf(target, own);
        for (int i = 0; i < own; i++) {
            if (mine[i] > into[i]) {
                into[i] = mine[i];
            }
        }
        return into;
    }

    /** The length without trailing zeros, found by scanning: only when a component is set back to zero. */
    private int scanSignificantLength() {
        int length = clocks.length;
        while (length > 0 && clocks[length - 1] == 0L) {
            length--;
        }
        return length;
    }

    /** Whether the event {@code epoch} happened before (or is) what this clock has seen. */
    public boolean covers(long epoch) {
        return Epoch.clock(epoch) <= get(Epoch.tid(epoch));
    }

    /** Whether every event {@code other} has seen, this clock has seen too. */
    public boolean covers(VectorClock other) {
        for (int i = 0; i < other.clocks.length; i++) {
            if (other.clocks[i] > get(i)) {
                return false;
            }
        }
        return true;
    }

    /** This thread's current event, as an epoch. */
    public long epoch(int tid) {
        return Epoch.of(tid, get(tid));
    }

    @Override
    public String toString() {
        return Arrays.toString(clocks);
    }
}
