package io.cacheguard.bench.detect;

import io.cacheguard.agent.runtime.detector.RaceDetector;
import io.cacheguard.agent.runtime.detector.SyncClock;
import io.cacheguard.agent.runtime.detector.ThreadState;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the happens-before detector pays for one lock handed from thread to thread: an acquire (the
 * thread joins the lock's clock) and a release (the lock's clock takes in the thread's, which
 * always adds, since the thread ticked after its last release). The seed sample under
 * {@code detector=hb} does some 30,000 of them a round. {@link #acquireAndRelease}: a lock-free
 * snapshot clock, a merged copy per release (a volatile's, a semaphore's; every lock's before
 * session 11); {@link #enterAndExit}: a monitor's clock, joined in place under the lock (also a
 * {@code ReentrantLock}'s and a read-write lock's sides).
 * The detector's threads here are states only, used from one JMH thread in turn, as a lock's
 * holders follow one another. Usage:
 * {@code java -jar bench/target/benchmarks.jar LockHandOff -f 3 -wi 3 -w 1s -i 5 -r 1s}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class LockHandOff {
    /** Detector threads taking the lock in turn: the seed sample's rounds use 9 thread ids. */
    @Param({"9"})
    public int holders;

    private RaceDetector detector;
    private ThreadState[] threads;
    private SyncClock lock;
    private final Object monitor = new Object();
    private int next;

    @Setup
    public void setUp() {
        detector = new RaceDetector(race -> { });
        threads = new ThreadState[holders];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = detector.newThread();
        }
        lock = new SyncClock();
    }

    @Benchmark
    public void acquireAndRelease() {
        ThreadState holder = nextHolder();
        detector.acquire(holder, lock);
        detector.release(holder, lock);
    }

    @Benchmark
    public void enterAndExit() {
        ThreadState holder = nextHolder();
        detector.enter(holder, monitor);
        detector.exit(holder, monitor);
    }

    /** The lock's holders follow one another, each a detector thread of its own. */
    private ThreadState nextHolder() {
        ThreadState holder = threads[next];
        next = next + 1 == holders ? 0 : next + 1;
        return holder;
    }
}
