package io.cacheguard.agent.runtime.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RaceLogTest {
    private final List<Race> reported = new ArrayList<>();

    private static Race race(String field, String earlierOp, int earlierLine, String laterOp, int laterLine) {
        return new Race(Race.Kind.WRITE_WRITE, field, 1, false,
                new Site("a", 1, earlierOp, new StackTraceElement[] {frame(earlierLine)}),
                new Site("b", 2, laterOp, new StackTraceElement[] {frame(laterLine)}));
    }

    private static StackTraceElement frame(int line) {
        return new StackTraceElement("com.acme.Cache", "put", "Cache.java", line);
    }

    @Test
    void eachDistinctPairOfSitesIsReportedOnceAndRepeatsAreCounted() {
        RaceLog log = new RaceLog(reported::add, 100);
        for (int i = 0; i < 1000; i++) {
            log.race(race("com.acme.Cache.map", "put", 10, "remove", 20));
        }
        log.race(race("com.acme.Cache.map", "put", 10, "clear", 30));
        assertEquals(2, reported.size());
        assertEquals(2, log.distinct());
        assertEquals(Map.of("com.acme.Cache.map", 1001L), log.countsPerField());
    }

    @Test
    void outputStaysBoundedWhateverTheProgramDoes() {
        RaceLog log = new RaceLog(reported::add, 10);
        for (int line = 0; line < 10_000; line++) {
            log.race(race("com.acme.Cache.map", "put", line, "put", line + 1));
        }
        assertEquals(10, reported.size());
        assertEquals(9_990, log.overCap());
        assertEquals(Map.of("com.acme.Cache.map", 10_000L), log.countsPerField());
    }
}
