package io.cacheguard.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cacheguard.agent.runtime.detector.Race;
import io.cacheguard.agent.runtime.detector.RaceListener;
import io.cacheguard.agent.runtime.detector.SiteCapture;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The watch protocol with the overlap made certain by latches: one thread holds its operation open
 * while the other walks in. What is reported, with which kind and which sides, and what is not.
 */
@Timeout(60)
class MapWatchTest {
    private static final Object MAP = new Object();
    private final List<Race> races = new CopyOnWriteArrayList<>();
    private final AtomicInteger counted = new AtomicInteger();
    private final RaceListener sink = new RaceListener() {
        @Override
        public void race(Race race) {
            races.add(race);
        }

        @Override
        public void counted(String map, boolean patched) {
            counted.incrementAndGet();
        }
    };

    private MapWatch watch(int readWatchBits) {
        return new MapWatch(new WatchedField("com.acme.Cache.map", true, sink, readWatchBits, 0), false);
    }

    @Test
    void aReadWalkingIntoAWriteIsAReadWriteRaceWithBothSides() throws Exception {
        MapWatch watch = watch(WatchedField.READ_WATCH_BITS);
        overlap(watch, true, TrackedOps.PUT, false, TrackedOps.GET);
        assertEquals(1, races.size(), races.toString());
        Race race = races.get(0);
        assertEquals(Race.Kind.READ_WRITE, race.kind());
        assertEquals(Race.Detector.WATCH, race.detector());
        assertEquals("com.acme.Cache.map", race.map());
        assertEquals(System.identityHashCode(MAP), race.mapIdentity());
        assertEquals("put", race.earlier().operation());
        assertEquals("holder", race.earlier().threadName());
        assertEquals("get", race.later().operation());
        assertEquals("walker", race.later().threadName());
    }

    @Test
    void twoWritesAtOnceAreAWriteWriteRace() throws Exception {
        MapWatch watch = watch(WatchedField.READ_WATCH_BITS);
        overlap(watch, true, TrackedOps.PUT, true, TrackedOps.REMOVE);
        assertEquals(1, races.size(), races.toString());
        assertEquals(Race.Kind.WRITE_WRITE, races.get(0).kind());
        assertEquals("put", races.get(0).earlier().operation());
        assertEquals("remove", races.get(0).later().operation());
    }

    @Test
    void aWriteWalkingIntoAWatchedReadIsARace() throws Exception {
        MapWatch watch = watch(0); // every read of the whole map is a watchpoint
        overlap(watch, false, TrackedOps.ITERATE, true, TrackedOps.PUT);
        assertEquals(1, races.size(), races.toString());
        assertEquals(Race.Kind.READ_WRITE, races.get(0).kind());
        assertEquals("iterate", races.get(0).earlier().operation());
        assertEquals("put", races.get(0).later().operation());
    }

    /** A lookup sets no watchpoint, whatever the sampling: its write partner's mark finds the race instead. */
    @Test
    void aLookupIsNeverAWatchpoint() throws Exception {
        MapWatch watch = watch(0);
        overlap(watch, false, TrackedOps.GET, true, TrackedOps.PUT);
        assertEquals(List.of(), races);
    }

    @Test
    void twoReadsAtOnceAreNoRace() throws Exception {
        MapWatch watch = watch(0);
        overlap(watch, false, TrackedOps.ITERATE, false, TrackedOps.READ_ALL);
        assertEquals(List.of(), races);
        assertEquals(0, counted.get());
        assertMarkFree(watch);
    }

    @Test
    void aThreadInsideItsOwnOperationIsNoRace() {
        MapWatch watch = watch(0);
        Object outer = watch.enter(true, TrackedOps.COMPUTE); // computeIfAbsent's function reading the map
        Object inner = watch.enter(false, TrackedOps.GET);
        Object innerWrite = watch.enter(true, TrackedOps.PUT);
        watch.exit(innerWrite, TrackedOps.PUT, MAP);
        watch.exit(inner, TrackedOps.GET, MAP);
        watch.exit(outer, TrackedOps.COMPUTE, MAP);
        assertEquals(List.of(), races);
        assertMarkFree(watch);
    }

    /** Operations a lock orders never overlap, however many: no report, whatever the sampling does. */
    @Test
    void operationsOrderedByALockAreNeverReported() throws Exception {
        MapWatch watch = watch(0);
        Object lock = new Object();
        CyclicBarrier start = new CyclicBarrier(2);
        Runnable user = () -> {
            try {
                start.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            for (int i = 0; i < 20_000; i++) {
                synchronized (lock) {
                    Object token = watch.enter(i % 3 == 0, TrackedOps.PUT);
                    watch.exit(token, TrackedOps.PUT, MAP);
                }
            }
        };
        Thread a = new Thread(user);
        Thread b = new Thread(user);
        a.start();
        b.start();
        a.join();
        b.join();
        assertEquals(List.of(), races);
        assertEquals(0, counted.get());
    }

    /** The same two threads with no lock: their writes overlap, and the watch says so. */
    @Test
    void unorderedWritesFromTwoThreadsAreReported() throws Exception {
        MapWatch watch = watch(WatchedField.READ_WATCH_BITS);
        CyclicBarrier start = new CyclicBarrier(2);
        CountDownLatch seen = new CountDownLatch(1);
        Runnable user = () -> {
            try {
                start.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (seen.getCount() > 0 && System.nanoTime() < deadline) {
                Object token = watch.enter(true, TrackedOps.PUT);
                Thread.onSpinWait(); // the operation itself: long enough for the other core to walk in
                watch.exit(token, TrackedOps.PUT, MAP);
                if (!races.isEmpty()) {
                    seen.countDown();
                }
            }
        };
        Thread a = new Thread(user);
        Thread b = new Thread(user);
        a.start();
        b.start();
        a.join();
        b.join();
        assertTrue(!races.isEmpty(), "no overlap of two unlocked writers was seen in 20 s");
        assertEquals(Race.Kind.WRITE_WRITE, races.get(0).kind());
        assertMarkFree(watch);
    }

    /** The holder opens its operation, the walker walks in and out, then the holder closes it. */
    private void overlap(MapWatch watch, boolean holderWrites, SiteCapture holderOp, boolean walkerWrites,
                         SiteCapture walkerOp) throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch walked = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            Object token = watch.enter(holderWrites, holderOp);
            inside.countDown();
            await(walked);
            watch.exit(token, holderOp, MAP);
        }, "holder");
        Thread walker = new Thread(() -> {
            await(inside);
            Object token = watch.enter(walkerWrites, walkerOp);
            watch.exit(token, walkerOp, MAP);
            walked.countDown();
        }, "walker");
        holder.start();
        walker.start();
        holder.join();
        walker.join();
        assertMarkFree(watch);
    }

    private static void assertMarkFree(MapWatch watch) {
        assertTrue(watch.isFree(), "the map is still marked after every operation ended");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(20, TimeUnit.SECONDS), "latch timed out");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
