package io.cacheguard.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The failure message a test's races make, and what the options leave out. */
class TestRacesTest {
    private static final String REPORT = "RACE write-write on a.Cache.map (map @1, patched)\n  put in thread \"w-1\" (id 21)";

    @Test
    void repeatsOfOneReportAreShownOnceWithTheirCount() {
        TestRaces races = new TestRaces("CacheTest.hammer()");
        for (int i = 0; i < 3; i++) {
            races.race("a.Cache.map", "write-write", REPORT, REPORT);
        }
        String message = races.failure(RaceOptions.DEFAULT).orElseThrow();
        assertTrue(message.startsWith("cacheguard: 3 races while CacheTest.hammer() ran, 1 distinct:\n\n" + REPORT),
                message);
        assertTrue(message.contains("(3 times)"), message);
        assertEquals(message.indexOf(REPORT), message.lastIndexOf(REPORT), message);
    }

    /** As the log: one race at two places, whichever threads ran them, is one distinct race. */
    @Test
    void reportsOfOneRaceOnOtherThreadsAreOneDistinctRace() {
        TestRaces races = new TestRaces("CacheTest.hammer()");
        races.race("a.Cache.map", "write-write", "put@Cache:17 put@Cache:17", REPORT);
        races.race("a.Cache.map", "write-write", "put@Cache:17 put@Cache:17", REPORT.replace("w-1", "w-2"));
        String message = races.failure(RaceOptions.DEFAULT).orElseThrow();
        assertTrue(message.startsWith("cacheguard: 2 races while CacheTest.hammer() ran, 1 distinct:\n\n" + REPORT + "\n  (2 times)"),
                message);
        assertTrue(!message.contains("w-2"), message);
    }

    @Test
    void noRaceNoFailure() {
        assertTrue(new TestRaces("T.t()").failure(RaceOptions.DEFAULT).isEmpty());
    }

    @Test
    void failOnLeavesOtherKindsOut() {
        TestRaces races = new TestRaces("T.t()");
        races.race("a.Cache.map", "read-write", REPORT.replace("write-write", "read-write"), REPORT.replace("write-write", "read-write"));
        RaceOptions writesOnly = new RaceOptions(EnumSet.of(RaceKind.WRITE_WRITE), Set.of(), true);
        assertTrue(races.failure(writesOnly).isEmpty());
        races.unattributed("a.Cache.map");
        assertTrue(races.failure(writesOnly).isEmpty(), "an unattributed race's kind is unknown");
        races.race("a.Cache.map", "write-write", REPORT, REPORT);
        assertTrue(races.failure(writesOnly).isPresent());
    }

    @Test
    void suppressedFieldsNeverFail() {
        TestRaces races = new TestRaces("T.t()");
        races.race("a.Cache.map", "write-write", REPORT, REPORT);
        races.unattributed("a.Cache.map");
        RaceOptions suppressing = new RaceOptions(EnumSet.allOf(RaceKind.class), Set.of("a.Cache.map"), true);
        assertTrue(races.failure(suppressing).isEmpty());
    }

    @Test
    void racesCountedWithoutStacksStillFailAndSaySo() {
        TestRaces races = new TestRaces("T.t()");
        races.unattributed("a.Cache.map");
        races.unattributed("a.Cache.map");
        String message = races.failure(RaceOptions.DEFAULT).orElseThrow();
        assertTrue(message.startsWith("cacheguard: 2 races while T.t() ran"), message);
        assertTrue(message.contains("Also counted, without their stacks") && message.contains("2 on a.Cache.map"), message);
    }

    @Test
    void beyondTheFirstFewDistinctRacesOnlyTheirNumberIsShown() {
        TestRaces races = new TestRaces("T.t()");
        for (int i = 0; i < TestRaces.MAX_SHOWN + 2; i++) {
            races.race("a.Cache.map", "write-write", REPORT + i, REPORT + i);
        }
        String message = races.failure(RaceOptions.DEFAULT).orElseThrow();
        assertTrue(message.contains(REPORT + (TestRaces.MAX_SHOWN - 1)), message);
        assertTrue(!message.contains(REPORT + TestRaces.MAX_SHOWN), message);
        assertTrue(message.contains("... and 2 more distinct races"), message);
    }
}
