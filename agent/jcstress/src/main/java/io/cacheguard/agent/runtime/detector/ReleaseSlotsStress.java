package io.cacheguard.agent.runtime.detector;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Two readers of a {@code ReentrantReadWriteLock} release at once into its read side's
 * {@link ReleaseSlots}, each the first of its detector id, so both grow the shared table of slots
 * at the same moment; then a writer takes the write lock and acquires. It must see both readers'
 * releases: a slot lost to the other's growth would hide a reader from the writer (a false race).
 */
@JCStressTest
@Outcome(id = "1, 1", expect = Expect.ACCEPTABLE, desc = "the writer sees both readers' releases")
@Outcome(expect = Expect.FORBIDDEN, desc = "a reader's release was lost")
@State
public class ReleaseSlotsStress {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ReleaseSlots reads = new ReleaseSlots();
    private final ThreadState first = new ThreadState(3, 3L, 1L);
    private final ThreadState second = new ThreadState(6, 6L, 1L);

    @Actor
    public void first() {
        readThenRelease(first);
    }

    @Actor
    public void second() {
        readThenRelease(second);
    }

    private void readThenRelease(ThreadState reader) {
        lock.readLock().lock();
        try {
            reader.clock.tick(reader.tid); // 2: an event to publish
            reads.release(reader);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Arbiter
    public void writer(II_Result r) {
        VectorClock writer = new VectorClock();
        lock.writeLock().lock();
        try {
            reads.acquireInto(writer);
        } finally {
            lock.writeLock().unlock();
        }
        r.r1 = writer.get(first.tid) == 2L ? 1 : 0;
        r.r2 = writer.get(second.tid) == 2L ? 1 : 0;
    }
}
