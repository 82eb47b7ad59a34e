package io.cacheguard.agent.runtime.detector;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The clock of an object that many threads release at once and few acquire: the read side of a
 * {@code ReentrantReadWriteLock} (for its next writer), a latch counted down (for its awaiters), an
 * executor's ends of tasks (for {@code awaitTermination}). The releasers cannot join into one
 * array in place, and a lock-free snapshot costs each of them a merged copy; so each releasing
 * thread joins into a slot of its own (by detector id), in place, and an acquire joins every slot.
 *
 * <p>Only a slot's thread writes it. The object's own synchronization orders each release before
 * the acquires that must see it (a read unlock before the next write lock, a count-down before the
 * await it opens, a task's end before termination), so those see the slot as released, or newer:
 * a slot written again since (a reader of a latch already open) can only add edges, never hide
 * one. Only the table of slots is shared, and it changes only when a new id first releases.
 */
public final class ReleaseSlots {
    private static final VarHandle SLOTS;

    static {
        try {
            SLOTS = MethodHandles.lookup().findVarHandle(ReleaseSlots.class, "slots", HeldClock[].class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile HeldClock[] slots = new HeldClock[0];

    void release(ThreadState thread) {
        slotOf(thread.tid).releaseFrom(thread.clock);
    }

    void acquireInto(VectorClock thread) {
        for (HeldClock slot : slots) {
            if (slot != null) {
                slot.acquireInto(thread);
            }
        }
    }

    /**
     * The slot of {@code tid}. Created by the thread that holds the id; an id's later holder (see
     * {@link ThreadIds}) keeps joining into the same slot. A slot, once in the table, is never
     * replaced: two threads growing the table at once each copy the other's slot by retrying.
     */
    private HeldClock slotOf(int tid) {
        while (true) {
            HeldClock[] current = slots;
            if (tid < current.length && current[tid] != null) {
                return current[tid];
            }
            HeldClock[] grown = Arrays.copyOf(current, Math.max(current.length, tid + 1));
            HeldClock slot = new HeldClock();
            grown[tid] = slot;
            if (SLOTS.compareAndSet(this, current, grown)) {
                return slot;
            }
        }
    }
}
