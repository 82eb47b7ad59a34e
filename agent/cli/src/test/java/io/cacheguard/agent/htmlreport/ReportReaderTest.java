package io.cacheguard.agent.htmlreport;

import static io.cacheguard.agent.htmlreport.ReportLines.file;
import static io.cacheguard.agent.htmlreport.ReportLines.patched;
import static io.cacheguard.agent.htmlreport.ReportLines.race;
import static io.cacheguard.agent.htmlreport.ReportLines.read;
import static io.cacheguard.agent.htmlreport.ReportLines.start;
import static io.cacheguard.agent.htmlreport.ReportLines.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportReaderTest {
    static final String OWNER = "com.acme.ExpiringCache";
    static final List<String> EARLIER = List.of("com.acme.ExpiringCache.get(ExpiringCache.java:47)", "com.acme.Main.run(Main.java:9)");
    static final List<String> LATER = List.of("com.acme.ExpiringCache.get(ExpiringCache.java:41)", "com.acme.Main.run(Main.java:9)");

    static String oneRun() {
        return file(start(4242, "both"),
                patched(OWNER, "cache", "remove at ExpiringCache.java:47 in get(String) holds only the read lock of 'mutex'"),
                race(OWNER, "cache", "read-write", "worker-7", EARLIER, "worker-6", LATER),
                race(OWNER, "cache", "write-write", "worker-7", EARLIER, "worker-2", EARLIER),
                summary(1, Map.of(OWNER + ".cache", 1340L), 2));
    }

    @Test
    void aWholeRunGivesItsFieldsRacesAndSummary() throws Exception {
        RaceReport report = read(oneRun());
        assertEquals(5, report.lines());
        assertEquals(List.of(), report.badLines());
        assertEquals(1, report.runs().size());
        Run run = report.runs().get(0);
        assertEquals("pid 4242, Java 17.0.15, mode both, detector watch, started 2026-12-07T03:37:09.454Z", run.title());
        assertEquals(1, run.count("patched"));
        assertEquals(2, run.distinctRaces());
        assertEquals(1340, run.racesInAll());
        assertNull(run.summaryNote());
        RaceEvent first = run.races.get(0);
        assertEquals(3, first.line());
        assertEquals("read-write on com.acme.ExpiringCache.cache", first.headline());
        assertEquals("hb", first.detector());
        assertEquals(EARLIER, first.earlier().stack());
        assertEquals("get in thread \"worker-6\" (id 20)", first.later().headline());
        Run.FieldRaces field = run.raceFields().get(OWNER + ".cache");
        assertEquals(2, field.distinct);
        assertEquals(1340, field.inAll);
    }

    @Test
    void eachStartEventOpensARunOfItsOwn() throws Exception {
        String second = file(start(5151, "detect"), ReportLines.field("tracked", OWNER, "cache", "put holds no lock"));
        RaceReport report = read(oneRun() + second);
        assertEquals(2, report.runs().size());
        Run run = report.runs().get(1);
        assertEquals(2, run.number);
        assertTrue(run.title().startsWith("pid 5151, "), run::title);
        assertEquals(1, run.count("tracked"));
        assertEquals(0, run.races.size());
        assertEquals(-1, run.racesInAll(), "no summary: unknown");
        assertTrue(run.summaryNote().contains("no summary event"), run::summaryNote);
    }

    @Test
    void aLineCutShortAtTheEndIsNamedAndTheRestIsKept() throws Exception {
        String[] lines = oneRun().split("\n");
        String cut = file(lines[0], lines[1], lines[2]) + lines[3].substring(0, 60); // killed while writing line 4
        RaceReport report = read(cut);
        assertEquals(4, report.lines());
        assertEquals(1, report.badLines().size(), report.badLines()::toString);
        BadLine bad = report.badLines().get(0);
        assertEquals(4, bad.number());
        assertTrue(bad.reason().startsWith("cut short (not JSON: ") && bad.reason().contains("no newline"), bad::reason);
        Run run = report.runs().get(0);
        assertEquals(1, run.races.size(), "the race before the cut");
        assertEquals(1, run.count("patched"), "counted from the events without a summary");
        assertNotNull(run.summaryNote());
    }

    @Test
    void badLinesInTheMiddleAreNamedByNumberWithTheirReason() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(file(start(1, "both"), "{\"event\":\"patched\",", "[1,2]", "{\"no\":\"event\"}", "").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {'{', '"', (byte) 0xC3, '"', '}', '\n'}); // a cut multi-byte character
        bytes.writeBytes(file(ReportLines.race(OWNER, "cache", "read-write", "a", EARLIER, "b", LATER)
                .replace("\"later\"", "\"afterwards\"")).getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(file(summary(0, Map.of(), 0)).getBytes(StandardCharsets.UTF_8));
        RaceReport report = read(bytes.toByteArray());
        assertEquals(8, report.lines());
        assertEquals(List.of(
                new BadLine(2, "not JSON: the line ends where a key should be at column 20"),
                new BadLine(3, "not a JSON object"),
                new BadLine(4, "no \"event\" name: not a cacheguard report event"),
                new BadLine(5, "an empty line"),
                new BadLine(6, "not UTF-8 text"),
                new BadLine(7, "a race event without the stack of its later access")), report.badLines());
        assertEquals(1, report.runs().size());
        assertNotNull(report.runs().get(0).summary);
    }

    @Test
    void eventsBeforeAnyStartMakeARunOfTheirOwn() throws Exception {
        RaceReport report = read(file(race(OWNER, "cache", "read-write", "a", EARLIER, "b", LATER), start(7, "both")));
        assertEquals(2, report.runs().size());
        assertNull(report.runs().get(0).start);
        assertTrue(report.runs().get(0).title().contains("before any start event"));
        assertEquals(1, report.runs().get(0).races.size());
    }

    @Test
    void withoutASummaryModeBothTracksWhatItPatchesUnlessTheDetectorIsOff() throws Exception {
        String decision = patched(OWNER, "cache", "put holds no lock");
        assertEquals(1, read(file(start(1, "both"), decision)).runs().get(0).count("tracked"));
        String detectorOff = start(1, "both").replace("\"detector\":\"watch\"", "\"detector\":\"off\"");
        assertEquals(0, read(file(detectorOff, decision)).runs().get(0).count("tracked"));
    }

    @Test
    void aStartEventOfAnAgentBeforeTheDetectorOptionHasNoDetectorInTheTitle() throws Exception {
        String older = start(1, "detect").replace(",\"detector\":\"hb\"", "");
        assertEquals("pid 1, Java 17.0.15, mode detect, started 2026-12-07T03:37:09.454Z",
                read(file(older)).runs().get(0).title());
    }

    @Test
    void twoSummariesInOneRunSayThatJvmsSharedTheFile() throws Exception {
        RaceReport report = read(file(start(1, "both"), start(2, "both"), summary(0, Map.of(), 0), summary(0, Map.of(), 0)));
        assertTrue(report.runs().get(0).summaryNote().contains("no summary event"));
        assertTrue(report.runs().get(1).summaryNote().contains("several JVMs wrote this file"));
    }

    @Test
    void aFieldDecidedOnceByEachOfSeveralLoadersIsListedOnceWithItsCount() throws Exception {
        String decision = patched(OWNER, "cache", "put holds no lock");
        Run run = read(file(start(1, "patch"), decision, decision, decision)).runs().get(0);
        assertEquals(1, run.fields.size());
        assertEquals(3, run.fields.get(0).loaders());
        assertEquals(3, run.count("patched"), "as the summary counts them: one per decision");
    }

    @Test
    void aLineLongerThanTheCapIsNamedNotRead() throws Exception {
        byte[] huge = new byte[ReportReader.MAX_LINE_BYTES + 10];
        java.util.Arrays.fill(huge, (byte) 'x');
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((start(1, "both") + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(huge);
        bytes.writeBytes(("\n" + summary(0, Map.of(), 0) + "\n").getBytes(StandardCharsets.UTF_8));
        RaceReport report = read(bytes.toByteArray());
        assertEquals(List.of(new BadLine(2, "longer than 16 MB: not read")), report.badLines());
        assertNotNull(report.runs().get(0).summary, "the line after it is read");
    }
}
