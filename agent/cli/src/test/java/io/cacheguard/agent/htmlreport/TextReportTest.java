package io.cacheguard.agent.htmlreport;

import static io.cacheguard.agent.htmlreport.ReportLines.file;
import static io.cacheguard.agent.htmlreport.ReportLines.race;
import static io.cacheguard.agent.htmlreport.ReportLines.read;
import static io.cacheguard.agent.htmlreport.ReportLines.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextReportTest {

    @Test
    void showsEachRaceWithBothStacksTheDifferingFramesStarred() throws Exception {
        String text = TextReport.render(read(ReportReaderTest.oneRun()));
        String nl = System.lineSeparator();
        assertTrue(text.contains(String.join(nl,
                "  race 1: read-write on com.acme.ExpiringCache.cache (map @770609b6, patched: harmless in this run, racy in the source, detector hb)",
                "    earlier: remove in thread \"worker-7\" (id 21)",
                "      * at com.acme.ExpiringCache.get(ExpiringCache.java:47)",
                "    later: get in thread \"worker-6\" (id 20)",
                "      * at com.acme.ExpiringCache.get(ExpiringCache.java:41)",
                "    shared callers (1 frame, the same in both):",
                "          at com.acme.Main.run(Main.java:9)")), text);
        assertTrue(text.contains("  patched 1, tracked 1, skipped 0, safe 0, errors 0; races: 2 distinct, 1340 in all"), text);
        assertTrue(text.contains("    com.acme.ExpiringCache.cache: 2 distinct, 1340 in all"), text);
        assertTrue(text.startsWith("cacheguard race report: r.jsonl: 5 lines, 1 run, 2 distinct races, 0 bad lines"), text);
    }

    @Test
    void aThreadNameCannotBreakALineOrSendTheTerminalAnEscape() throws Exception {
        String text = TextReport.render(read(file(start(1, "both"), race("a.B", "m", "read-write",
                "evil\n[cacheguard] forged\u001b[2J", List.of("x.Y.z(Y.java:1)"), "ok", List.of("x.Y.z(Y.java:2)")))));
        assertTrue(text.contains("earlier: remove in thread \"evil\\n[cacheguard] forged\\u001b[2J\" (id 21)"), text);
        assertFalse(text.contains("\u001b"));
        assertEquals(0, text.lines().filter(line -> line.startsWith("[cacheguard] forged")).count());
    }

    @Test
    void badLinesAreCountedAndNamedFirst() throws Exception {
        String text = TextReport.render(read(file(start(1, "both"), "garbage")));
        assertTrue(text.contains("1 bad line (not read; everything else is shown):" + System.lineSeparator()
                + "  line 2: not JSON: unexpected 'g' at column 1"), text);
    }
}
