package io.cacheguard.agent.runtime.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The edges of the clocks joined in place (monitors, the JDK's reentrant locks) and gathered in
 * per-thread slots (latches, executors), step by step in one Java thread as in
 * {@link RaceDetectorTest}: the same verdicts as the lock-free clocks they replace, by other means.
 */
class LockClocksTest {
    private final List<Race> races = new ArrayList<>();
    private final RaceDetector detector = new RaceDetector(races::add);
    private final Map<String, String> map = new HashMap<>();
    private final MapShadow shadow = new MapShadow("com.acme.Cache.map");
    private final ThreadState a = detector.newThread(1);
    private final ThreadState b = detector.newThread(2);
    private final ThreadState c = detector.newThread(3);
    private final Object monitor = new Object();

    private void write(ThreadState thread) {
        detector.write(thread, map, shadow, RaceDetectorTest.at("put", thread));
    }

    private void read(ThreadState thread) {
        detector.read(thread, map, shadow, RaceDetectorTest.at("get", thread));
    }

    @Test
    void leavingThenEnteringAMonitorOrdersTheWrites() {
        detector.enter(a, monitor);
        write(a);
        detector.exit(a, monitor);
        detector.enter(b, monitor);
        write(b);
        detector.exit(b, monitor);
        detector.enter(a, monitor); // and back: a's clock of the monitor grew in place
        write(a);
        assertEquals(List.of(), races);
    }

    @Test
    void aWriteAfterTheReleaseIsNotPublishedByIt() {
        detector.enter(a, monitor);
        detector.exit(a, monitor);
        write(a); // after a left the monitor
        detector.enter(b, monitor);
        write(b);
        assertEquals(1, races.size());
    }

    @Test
    void aVolatileOfAnObjectDoesNotOrderWithItsMonitor() {
        write(a);
        detector.release(a, monitor); // a volatile write of a field of the object
        detector.enter(b, monitor); // synchronized on it: no synchronizes-with edge in the memory model
        write(b);
        assertEquals(1, races.size());
    }

    @Test
    void readersOfAReadWriteLockDoNotOrderEachOtherButAWriterComesAfterAll() {
        ReadWriteClocks lock = ReadWriteClocks.held();
        detector.acquire(a, lock, true);
        read(a);
        detector.release(a, lock, true);
        detector.acquire(b, lock, true);
        write(b); // a write under a read lock: unordered with a's read
        detector.release(b, lock, true);
        assertEquals(1, races.size());
        assertEquals(Race.Kind.READ_WRITE, races.get(0).kind());

        detector.acquire(c, lock, false); // the writer sees both readers' releases
        write(c);
        detector.release(c, lock, false);
        detector.acquire(a, lock, true); // and a reader sees the writer's
        read(a);
        assertEquals(1, races.size());
    }

    @Test
    void aPlainLockIsAWriteSideWithoutReadersAsHeldOrShared() {
        for (ReadWriteClocks lock : List.of(ReadWriteClocks.held(), ReadWriteClocks.shared())) {
            for (ThreadState turn : List.of(a, b, a)) {
                detector.acquire(turn, lock, false);
                write(turn);
                detector.release(turn, lock, false);
            }
        }
        assertEquals(List.of(), races);
        write(b); // after its last release, unordered with a's last write
        assertEquals(1, races.size());
    }

    @Test
    void anAcquireOfAGatheringObjectSeesEveryReleaseBeforeIt() {
        CountingLatch latch = new CountingLatch();
        ThreadState late = detector.newThread(40); // an id past the slots table so far: it grows
        write(a);
        detector.releaseGathered(a, latch);
        detector.acquire(b, monitor); // b reads the map under nothing a released
        detector.releaseGathered(late, latch);
        detector.acquireGathered(c, latch);
        write(c); // after a's write, through the latch
        assertEquals(List.of(), races);
        detector.acquireGathered(b, new CountingLatch()); // another latch orders nothing
        read(b);
        assertEquals(1, races.size());
    }

    /** Stands for a {@code CountDownLatch}: only its identity matters. */
    private static final class CountingLatch {
    }
}
