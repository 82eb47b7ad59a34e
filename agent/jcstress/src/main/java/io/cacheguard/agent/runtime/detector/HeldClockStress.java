package io.cacheguard.agent.runtime.detector;

import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Two threads take one lock in turn, as the hooks do: acquire into their clocks after locking, join
 * their clocks into the lock's {@link HeldClock} in place before unlocking, with no synchronization
 * of the clock's own. The lock alone must order it: exactly one of them sees the other (whichever
 * came second), and the lock's clock ends with both, never a join lost to the other.
 */
@JCStressTest
@Outcome(id = {"1, 0, 1", "0, 1, 1"}, expect = Expect.ACCEPTABLE, desc = "the second saw the first; the lock has both")
@Outcome(expect = Expect.FORBIDDEN, desc = "both or neither saw the other, or the lock lost a release")
@State
public class HeldClockStress {
    private final ReentrantLock lock = new ReentrantLock();
    private final HeldClock clock = new HeldClock();
    private final ThreadState first = new ThreadState(2, 2L, 1L);
    private final ThreadState second = new ThreadState(5, 5L, 1L);
    private int firstSawSecond;
    private int secondSawFirst;

    @Actor
    public void first() {
        firstSawSecond = lockedTurn(first, second);
    }

    @Actor
    public void second() {
        secondSawFirst = lockedTurn(second, first);
    }

    private int lockedTurn(ThreadState self, ThreadState other) {
        lock.lock();
        try {
            clock.acquireInto(self.clock);
            int saw = self.clock.get(other.tid) != 0L ? 1 : 0;
            clock.releaseFrom(self.clock);
            self.clock.tick(self.tid);
            return saw;
        } finally {
            lock.unlock();
        }
    }

    @Arbiter
    public void arbiter(III_Result r) {
        VectorClock after = new VectorClock();
        lock.lock();
        try {
            clock.acquireInto(after);
        } finally {
            lock.unlock();
        }
        r.r1 = firstSawSecond;
        r.r2 = secondSawFirst;
        r.r3 = after.get(first.tid) == 1L && after.get(second.tid) == 1L ? 1 : 0;
    }
}
