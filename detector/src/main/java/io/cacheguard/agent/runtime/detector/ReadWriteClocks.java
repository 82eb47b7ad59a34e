package io.cacheguard.agent.runtime.detector;

/**
 * The two clocks of a read-write lock: acquiring the read side sees what the write side released
 * only, so two readers never order each other (a write done under a read lock still races);
 * acquiring the write side sees both. A plain exclusive lock is a write side without readers.
 * {@link #held()} for locks whose hooks run only while holding the side they touch
 * ({@code ReentrantLock}, {@code ReentrantReadWriteLock}): clocks joined in place. {@link #shared()}
 * for the others ({@code StampedLock}, whose optimistic reads acquire holding nothing, and
 * {@code ReadWriteLock}s of unknown make): lock-free snapshots.
 */
public abstract class ReadWriteClocks {
    private ReadWriteClocks() {
    }

    public static ReadWriteClocks held() {
        return new Held();
    }

    public static ReadWriteClocks shared() {
        return new Shared();
    }

    abstract void acquire(ThreadState thread, boolean read);

    abstract void release(ThreadState thread, boolean read);

    private static final class Held extends ReadWriteClocks {
        private final HeldClock writes = new HeldClock();
        private final ReleaseSlots reads = new ReleaseSlots();

        @Override
        void acquire(ThreadState thread, boolean read) {
            writes.acquireInto(thread.clock);
            if (!read) {
                reads.acquireInto(thread.clock);
            }
        }

        @Override
        void release(ThreadState thread, boolean read) {
            if (read) {
                reads.release(thread);
            } else {
                writes.releaseFrom(thread.clock);
            }
        }
    }

    private static final class Shared extends ReadWriteClocks {
        private final SyncClock writes = new SyncClock();
        private final SyncClock reads = new SyncClock();

        @Override
        void acquire(ThreadState thread, boolean read) {
            thread.clock.join(writes.snapshot());
            if (!read) {
                thread.clock.join(reads.snapshot());
            }
        }

        @Override
        void release(ThreadState thread, boolean read) {
            (read ? reads : writes).release(thread.clock);
        }
    }
}
