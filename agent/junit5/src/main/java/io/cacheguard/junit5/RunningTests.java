package io.cacheguard.junit5;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which test a race belongs to. A test's own thread, and every thread started while it ran (an
 * executor's workers, a thread it started), carry the test; a race reported on such a thread goes
 * to that test while it runs. Any other race (a thread that outlived its test, a shared pool made
 * before, a JDK thread) goes to every test running at that moment: with tests run one at a time,
 * the one that ran when the race was reported.
 */
final class RunningTests {
    private static final InheritableThreadLocal<TestRaces> CARRIED = new InheritableThreadLocal<>();
    private static final Set<TestRaces> RUNNING = ConcurrentHashMap.newKeySet();

    private RunningTests() {
    }

    /** On the test's thread, before its {@code @BeforeEach} methods. */
    static void start(TestRaces test) {
        RUNNING.add(test);
        CARRIED.set(test);
    }

    /** On the test's thread, after its {@code @AfterEach} methods. */
    static void finish(TestRaces test) {
        test.finish();
        RUNNING.remove(test);
        if (CARRIED.get() == test) {
            CARRIED.remove();
        }
    }

    static void race(String field, String kind, String sites, String report) {
        TestRaces carried = CARRIED.get();
        if (carried != null && carried.running()) {
            carried.race(field, kind, sites, report);
            return;
        }
        for (TestRaces test : RUNNING) {
            test.race(field, kind, sites, report);
        }
    }

    static void unattributed(String field) {
        TestRaces carried = CARRIED.get();
        if (carried != null && carried.running()) {
            carried.unattributed(field);
            return;
        }
        for (TestRaces test : RUNNING) {
            test.unattributed(field);
        }
    }
}
