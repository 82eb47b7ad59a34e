package io.cacheguard.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cacheguard.agent.runtime.RaceEvents;
import io.cacheguard.agent.runtime.detector.Race;
import io.cacheguard.agent.runtime.detector.Site;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the JUnit extension hears through {@link RaceEvents}: every race, repeats included, where
 * the log reports one race once; the same text as the log; nothing of a suppressed field.
 */
class RaceReporterEventsTest {
    @TempDir
    Path temp;

    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final RaceEvents.Listener listener = new RaceEvents.Listener() {
        @Override
        public void race(String field, String kind, String sites, String report) {
            heard.add(field + " " + kind + "\n" + report);
        }

        @Override
        public void unattributed(String field) {
            heard.add("unattributed " + field);
        }
    };

    @AfterEach
    void stopListening() {
        RaceEvents.removeListener(listener);
    }

    @Test
    void everyRaceRepeatsIncludedReachesTheListenersAsTheLogShowsIt() throws Exception {
        Path logFile = temp.resolve("log.txt");
        RaceReporter reporter = new RaceReporter(AgentLog.file(logFile.toString(), false), EventReport.NONE,
                RaceSarif.NONE, Set.of("com.acme.Quiet.map"), new RaceReporter.Watcher() {
                    @Override
                    public void first(Race race) {
                    }

                    @Override
                    public void counted() {
                    }
                });
        RaceEvents.addListener(listener);

        Race race = race("com.acme.Cache.map");
        reporter.race(race);
        reporter.race(race);
        reporter.race(race("com.acme.Quiet.map"));
        reporter.counted("com.acme.Cache.map", true);
        reporter.counted("com.acme.Quiet.map", true);

        String report = String.join("\n", RaceReporter.humanForm(race));
        assertEquals(List.of("com.acme.Cache.map write-write\n" + report, "com.acme.Cache.map write-write\n" + report,
                "unattributed com.acme.Cache.map"), heard);
        assertEquals(1, reporter.distinct(), "the log's dedup is unchanged");
        List<String> logged = Files.readAllLines(logFile);
        assertEquals(RaceReporter.humanForm(race).stream().map(line -> AgentLog.PREFIX + line).toList(), logged);
    }

    private static Race race(String field) {
        Site later = new Site("worker-2", 12, "put", new StackTraceElement[] {
            new StackTraceElement("com.acme.Cache", "load", "Cache.java", 9)});
        Site earlier = new Site("worker-1", 11, "put", new StackTraceElement[] {
            new StackTraceElement("com.acme.Cache", "load", "Cache.java", 9)});
        return new Race(Race.Kind.WRITE_WRITE, field, 0xabc, true, earlier, later);
    }
}
