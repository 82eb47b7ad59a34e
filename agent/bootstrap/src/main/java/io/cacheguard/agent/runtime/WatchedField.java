package io.cacheguard.agent.runtime;

import io.cacheguard.agent.runtime.detector.Race;
import io.cacheguard.agent.runtime.detector.RaceListener;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the lightweight detector spends on one field's maps, and what it has found there. At first
 * one write in four marks its map (after each map's first writes, which all do, see
 * {@link MapWatch}) and a sample of operations stalls while marked (at most 1% of the time), so
 * that a race shows early. Every few races reported halve the share of writes that mark, and stop
 * the stalls, so that a field whose races are known costs almost nothing more (its counts become
 * lower bounds, which the summary says). A field that never races keeps its first, small, cost.
 */
final class WatchedField {
    /** How long a sampled operation holds its mark: long enough for another core to walk in. */
    static final long STALL_NANOS = 10_000L;
    /**
     * At most one stall per field in this time: 1% of one thread's time, so that a field used
     * millions of times a second, which never races (a single thread's map), is not slowed by them.
     */
    private static final long STALL_INTERVAL_NANOS = 100 * STALL_NANOS;
    /** 1 in 2^12 reads of a whole map sets a watchpoint at first; each level halves that. */
    static final int READ_WATCH_BITS = 12;
    /**
     * 1 in 16 marking writes asks to stall (one clock read), and stalls if the field's budget below
     * allows; only until the field's first races are reported.
     */
    private static final int WRITE_STALL_MASK = (1 << 4) - 1;
    /**
     * 1 in 2^2 writes marks its map at first: two CASes on every write would cost a single-threaded
     * map more than its own put; a racy field's writes overlap again and again, so a quarter of
     * them is enough to find it (WatchSamplesIT holds that to 9 runs in 10). Each level halves it.
     */
    static final int WRITE_MARK_BITS = 2;
    private static final int RACES_PER_LEVEL = 4;
    private static final int MAX_LEVEL = 16;

    final String label;
    final boolean patched;
    private final RaceListener races;
    /** log2 of how many reads there are to one watchpoint, at level 0. */
    private final int readWatchBits;
    /** log2 of how many writes there are to one mark, at level 0. */
    private final int writeMarkBits;
    /** Races reported on this field's maps; racy updates are fine, it only steers sampling. */
    private volatile int reported;
    private volatile int level;
    /** When the next stall may start; racy updates only cost an extra stall now and then. */
    private volatile long nextStall;

    WatchedField(String label, boolean patched, RaceListener races) {
        this(label, patched, races, READ_WATCH_BITS, WRITE_MARK_BITS);
    }

    /** @param readWatchBits 0 makes every read a watchpoint, {@code writeMarkBits} 0 every write a mark (tests) */
    WatchedField(String label, boolean patched, RaceListener races, int readWatchBits, int writeMarkBits) {
        this.label = label;
        this.patched = patched;
        this.races = races;
        this.readWatchBits = readWatchBits;
        this.writeMarkBits = writeMarkBits;
    }

    boolean marksWrite(ThreadLocalRandom random) {
        return (random.nextInt() & ((1 << (writeMarkBits + level)) - 1)) == 0;
    }

    boolean stallsWrite(ThreadLocalRandom random) {
        return level == 0 && (random.nextInt() & WRITE_STALL_MASK) == 0 && mayStall();
    }

    /** Whether a watchpoint may stall now: the field's stall budget (above) allows one. */
    boolean mayStall() {
        long now = System.nanoTime();
        if (now - nextStall < 0) {
            return false;
        }
        nextStall = now + STALL_INTERVAL_NANOS;
        return true;
    }

    boolean watchesRead(ThreadLocalRandom random) {
        return (random.nextInt() & ((1 << (readWatchBits + level)) - 1)) == 0;
    }

    void report(Race race) {
        int count = ++reported;
        int next = Math.min(MAX_LEVEL, count / RACES_PER_LEVEL);
        if (next > level) {
            boolean first = level == 0;
            level = next;
            if (first) {
                races.sampled(label);
            }
        }
        races.race(race);
    }

    /** An overlap seen but not reported with both stacks: counted for the field. */
    void countOnly() {
        try {
            races.counted(label, patched);
        } catch (Throwable t) {
            Watch.fail(t);
        }
    }
}
