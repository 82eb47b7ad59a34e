package io.cacheguard.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResultTest {

    @Test
    void okIsOneWordAndExitCodeZero() {
        Result result = Result.ok("lru-cache");

        assertEquals("RESULT lru-cache OK", result.line());
        assertEquals(0, result.exitCode());
        assertTrue(result.isOk());
    }

    @Test
    void brokenCarriesItsReasonAndExitCodeOne() {
        Result result = Result.broken("static-memo", "size() is 99 but 100 entries are expected");

        assertEquals("RESULT static-memo BROKEN size() is 99 but 100 entries are expected", result.line());
        assertEquals(1, result.exitCode());
        assertFalse(result.isOk());
    }

    @Test
    void aHangReadsAsBrokenButExitsThree() {
        Result result = Result.hang("weak-cache", "session-worker-0 at java.util.WeakHashMap.put(WeakHashMap.java:459)");

        assertEquals("RESULT weak-cache BROKEN hang: session-worker-0 at java.util.WeakHashMap.put(WeakHashMap.java:459)",
                result.line());
        assertEquals(3, result.exitCode());
    }

    @Test
    void aMultiLineReasonStaysOnTheResultLine() {
        Result result = Result.broken("lazy-map", "first\n\tsecond\r\nthird");

        assertEquals("RESULT lazy-map BROKEN first second third", result.line());
    }

    @Test
    void aVeryLongReasonIsCutShort() {
        Result result = Result.broken("lazy-map", "x".repeat(10_000));

        assertTrue(result.line().length() < 400, result.line());
        assertTrue(result.line().endsWith("..."));
    }
}
