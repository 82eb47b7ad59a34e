package io.cacheguard.agent.runtime.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The detector's verdicts on interleavings written out step by step (one Java thread plays every
 * detector thread), so each verdict is deterministic: ordered by synchronization means no report,
 * ordered only by time means a race.
 */
class RaceDetectorTest {
    private final List<Race> races = new ArrayList<>();
    private final RaceDetector detector = new RaceDetector(races::add);
    private final Map<String, String> map = new HashMap<>();
    private final MapShadow shadow = new MapShadow("com.acme.Cache.map");
    private final ThreadState a = detector.newThread(1);
    private final ThreadState b = detector.newThread(2);
    private final Object lock = new Object();

    static SiteCapture at(String operation, ThreadState thread) {
        return capturing(operation, () -> new Site("t" + thread.tid(), thread.threadId(), operation,
                new StackTraceElement[0]));
    }

    private static SiteCapture capturing(String operation, Supplier<Site> capture) {
        return new SiteCapture() {
            @Override
            public String operation() {
                return operation;
            }

            @Override
            public Site capture() {
                return capture.get();
            }
        };
    }

    @Test
    void oneThreadNeverRacesWithItself() {
        detector.write(a, map, shadow, at("put", a));
        detector.read(a, map, shadow, at("get", a));
        detector.release(a, lock);
        detector.write(a, map, shadow, at("put", a));
        assertEquals(List.of(), races);
    }

    @Test
    void writesInTwoThreadsWithoutSynchronizationRace() {
        detector.write(a, map, shadow, at("put", a));
        detector.write(b, map, shadow, at("remove", b));
        assertEquals(1, races.size());
        Race race = races.get(0);
        assertEquals(Race.Kind.WRITE_WRITE, race.kind());
        assertEquals("put", race.earlier().operation());
        assertEquals("remove", race.later().operation());
        assertEquals("com.acme.Cache.map", race.map());
        assertEquals(System.identityHashCode(map), race.mapIdentity());
    }

    @Test
    void aWriteLaterInTimeButUnorderedIsStillARace() {
        // A writes; B "sleeps" (nothing happens in the detector); B writes: time orders nothing.
        detector.write(a, map, shadow, at("put", a));
        detector.release(a, new Object()); // A releases something B never acquires
        detector.write(b, map, shadow, at("put", b));
        assertEquals(1, races.size());
    }

    @Test
    void releaseThenAcquireOfTheSameLockOrdersTheWrites() {
        detector.write(a, map, shadow, at("put", a));
        detector.release(a, lock);
        detector.acquire(b, lock);
        detector.write(b, map, shadow, at("put", b));
        assertEquals(List.of(), races);
    }

    @Test
    void acquiringADifferentLockOrdersNothing() {
        detector.write(a, map, shadow, at("put", a));
        detector.release(a, lock);
        detector.acquire(b, new Object());
        detector.write(b, map, shadow, at("put", b));
        assertEquals(1, races.size());
    }

    @Test
    void aReadThenAnUnorderedWriteIsAReadWriteRace() {
        detector.read(a, map, shadow, at("get", a));
        detector.write(b, map, shadow, at("put", b));
        assertEquals(1, races.size());
        assertEquals(Race.Kind.READ_WRITE, races.get(0).kind());
        assertEquals("get", races.get(0).earlier().operation());
    }

    @Test
    void aWriteThenAnUnorderedReadIsAReadWriteRace() {
        detector.write(a, map, shadow, at("put", a));
        detector.read(b, map, shadow, at("get", b));
        assertEquals(1, races.size());
        assertEquals(Race.Kind.READ_WRITE, races.get(0).kind());
        assertEquals("put", races.get(0).earlier().operation());
        assertEquals("get", races.get(0).later().operation());
    }

    @Test
    void concurrentReadsAreNoRace() {
        detector.read(a, map, shadow, at("get", a));
        detector.read(b, map, shadow, at("get", b));
        assertEquals(List.of(), races);
    }

    @Test
    void aWriteAfterSharedReadsRacesWithTheReaderItIsNotOrderedAfter() {
        ThreadState c = detector.newThread(3);
        detector.read(a, map, shadow, at("get", a));
        detector.read(b, map, shadow, at("size", b));
        detector.release(a, lock);
        detector.acquire(c, lock); // c is ordered after a's read, not after b's
        detector.write(c, map, shadow, at("put", c));
        assertEquals(1, races.size());
        assertEquals("size", races.get(0).earlier().operation());
    }

    @Test
    void forkAndJoinOrderParentAndChild() {
        ThreadState child = detector.newThread(4);
        detector.write(a, map, shadow, at("put", a));
        detector.fork(a, child);
        detector.write(child, map, shadow, at("put", child));
        detector.join(a, child);
        detector.read(a, map, shadow, at("get", a));
        assertEquals(List.of(), races);
    }

    @Test
    void theEarlierSiteIsTheOneCapturedWhenItHappened() {
        Site first = new Site("a", 1, "put", new StackTraceElement[0]);
        detector.write(a, map, shadow, capturing("put", () -> first));
        detector.write(b, map, shadow, at("put", b));
        assertSame(first, races.get(0).earlier());
    }

    @Test
    void repeatedAccessesInOneEpochCaptureTheSiteOnce() {
        int[] captures = {0};
        SiteCapture put = capturing("put", () -> {
            captures[0]++;
            return new Site("a", 1, "put", new StackTraceElement[0]);
        });
        SiteCapture get = capturing("get", () -> {
            captures[0]++;
            return new Site("a", 1, "get", new StackTraceElement[0]);
        });
        for (int i = 0; i < 1000; i++) {
            detector.write(a, map, shadow, put);
            detector.read(a, map, shadow, get);
        }
        assertEquals(2, captures[0]); // one write site and one read site for the whole epoch
    }

    /** Under a lock every access starts an epoch; one thread's run of puts still walks its stack once. */
    @Test
    void aThreadsRunOfOneOperationUnderALockCapturesItsSiteOnce() {
        int[] captures = {0};
        SiteCapture put = capturing("put", () -> {
            captures[0]++;
            return new Site("a", a.threadId(), "put", new StackTraceElement[0]);
        });
        for (int i = 0; i < 1000; i++) {
            detector.acquire(a, lock);
            detector.write(a, map, shadow, put);
            detector.release(a, lock);
        }
        assertEquals(1, captures[0]);
        detector.acquire(b, lock);
        detector.write(b, map, shadow, at("put", b)); // another thread takes over: its own site
        detector.release(b, lock);
        detector.acquire(a, lock);
        detector.write(a, map, shadow, put); // back to the first: it still knows where it puts
        detector.release(a, lock);
        assertEquals(1, captures[0]);
        assertEquals(List.of(), races);
    }

    /** A cache behind a lock that 8 threads take turns on: each walks its stack once per operation. */
    @Test
    void threadsTakingTurnsOnAMapWalkEachStackOncePerOperation() {
        List<ThreadState> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            threads.add(detector.newThread(100 + t));
        }
        int[] captures = {0};
        for (int i = 0; i < 1000; i++) {
            ThreadState t = threads.get(i % threads.size());
            for (String operation : List.of("put", "remove", "get")) {
                SiteCapture counting = capturing(operation, () -> {
                    captures[0]++;
                    return new Site("t", t.threadId(), operation, new StackTraceElement[0]);
                });
                detector.acquire(t, lock);
                if (operation.equals("get")) {
                    detector.read(t, map, shadow, counting);
                } else {
                    detector.write(t, map, shadow, counting);
                }
                detector.release(t, lock);
            }
        }
        assertEquals(8 * 3, captures[0]);
        assertEquals(List.of(), races);
    }

    @Test
    void untilAMapIsHotEveryRaceIsCounted() {
        RaceLog log = new RaceLog(races::add, 100);
        RaceDetector counting = new RaceDetector(log);
        ThreadState x = counting.newThread(10);
        ThreadState y = counting.newThread(11);
        for (int i = 0; i < Attribution.HOT; i++) {
            ThreadState t = i % 2 == 0 ? x : y;
            counting.write(t, map, shadow, at("put", t));
        }
        assertEquals(Attribution.HOT - 1L, log.countsPerField().get("com.acme.Cache.map"));
        assertEquals(List.of(), log.sampledFields());
    }

    @Test
    void aPublishedMapForgetsItsInitialisation() {
        detector.write(a, map, shadow, at("put", a)); // <clinit> fills the map
        detector.published(shadow);
        detector.read(b, map, shadow, at("get", b));
        assertEquals(List.of(), races);
    }

    @Test
    void aRacyMapIsCountedExactlyUntilHotAndAttributedOnlyToASampleOfStacks() {
        RaceLog log = new RaceLog(races::add, 100);
        RaceDetector counting = new RaceDetector(log);
        ThreadState x = counting.newThread(10);
        ThreadState y = counting.newThread(11);
        int[] captures = {0};
        for (int i = 0; i < 100_000; i++) {
            ThreadState t = i % 2 == 0 ? x : y;
            counting.write(t, map, shadow, capturing("put", () -> {
                captures[0]++;
                return new Site("t", t.threadId(), "put", new StackTraceElement[0]);
            }));
        }
        long counted = log.countsPerField().get("com.acme.Cache.map");
        assertTrue(counted >= Attribution.HOT && counted < 99_999L, "a lower bound once hot: " + counted);
        assertEquals(List.of("com.acme.Cache.map"), log.sampledFields());
        assertEquals(1, log.distinct()); // one pair of sites, reported once
        assertTrue(captures[0] < 1_000, "stack walks for 100,000 racy writes: " + captures[0]);
    }

    @Test
    void everyNewMapHasItsFirstRacesNamedAndTheFieldsOtherRacesShareOneSampledBudget() {
        int maps = 1_000;
        int racesPerMap = 20;
        Map<Integer, Integer> namedPerMap = new HashMap<>();
        RaceDetector naming = new RaceDetector(race -> namedPerMap.merge(race.mapIdentity(), 1, Integer::sum));
        ThreadState p = naming.newThread(10);
        ThreadState q = naming.newThread(11);
        for (int m = 0; m < maps; m++) {
            Object each = new Object(); // a cache made per request, run or test, raced on like the last
            MapShadow fresh = new MapShadow("com.acme.Cache.map");
            for (int i = 0; i <= racesPerMap; i++) {
                ThreadState t = i % 2 == 0 ? p : q;
                naming.write(t, each, fresh, at("put", t));
            }
        }
        assertEquals(maps, namedPerMap.size(), "every map has races named");
        assertTrue(namedPerMap.values().stream().allMatch(named -> named >= Attribution.PER_MAP), namedPerMap.toString());
        int named = namedPerMap.values().stream().mapToInt(Integer::intValue).sum();
        // a budget per map alone named all 20,000; the field's share is sampled past its first FULL
        assertTrue(named < maps * Attribution.PER_MAP + 1_000, "races named: " + named);
    }
}
