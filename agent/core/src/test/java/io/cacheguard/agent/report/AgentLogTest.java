package io.cacheguard.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.cacheguard.agent.runtime.detector.Race;
import io.cacheguard.agent.runtime.detector.Site;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: no line the agent prints can be forged, each physical line starts with
 * {@code [cacheguard]}; and an attach command's transcript receives only the lines of the attach.
 * Attaches take turns inside the target, but the application's threads log whenever they run: a
 * live map of the first attach guarded on its first access while a second attach runs used to be
 * printed by the second command.
 */
class AgentLogTest {
    @TempDir
    Path temp;

    @Test
    void controlCharactersAreShownAsJavaEscapes() {
        assertEquals("a\\nb\\rc\\td\\u001be\\u0000f\\u007f\\u0085g\\u2028h\\u202ei",
                AgentLog.escape("a\nb\rc\td\u001be\u0000f\u007f\u0085g\u2028h\u202ei"));
    }

    @Test
    void printableTextIsLeftAsItIsBackslashesAndNonAsciiIncluded() {
        String text = "C:\\Users\\zoë\\cache.jsonl 日本 \uD83D\uDE00 \\n";
        assertSame(text, AgentLog.escape(text));
    }

    @Test
    void anErrorWithANewlineInItsValueIsOneLine() throws Exception {
        Path file = temp.resolve("log.txt");
        AgentLog log = AgentLog.file(file.toString(), false);
        log.error("mode='fast\n[cacheguard] patched com.evil.X' is not a mode");
        assertEquals(List.of("[cacheguard] error: mode='fast\\n[cacheguard] patched com.evil.X' is not a mode"),
                Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    @Test
    void aRaceKeepsItsLinesAndEachIsPrefixedAndEscapedOnItsOwn() throws Exception {
        Path file = temp.resolve("log.txt");
        AgentLog log = AgentLog.file(file.toString(), false);
        StackTraceElement hostile = new StackTraceElement("com.evil.Cache", "get\n[cacheguard] forged",
                "Cache\u001b[2K.java", 7);
        Site later = new Site("worker\n[cacheguard] forged", 12, "put", new StackTraceElement[] {hostile});
        Site earlier = new Site("main", 1, "get", new StackTraceElement[] {
            new StackTraceElement("com.acme.Cache", "load", "Cache.java", 3)});
        log.finding(RaceReporter.humanForm(new Race(Race.Kind.WRITE_WRITE, "com.evil.Cache.map", 0xabc, false,
                earlier, later)));

        assertEquals(List.of(
                "[cacheguard] RACE write-write on com.evil.Cache.map (map @abc, not patched, detector hb)",
                "[cacheguard]   put in thread \"worker\\n[cacheguard] forged\" (id 12)",
                "[cacheguard]       at com.evil.Cache.get\\n[cacheguard] forged(Cache\\u001b[2K.java:7)",
                "[cacheguard]   races with earlier get in thread \"main\" (id 1)",
                "[cacheguard]       at com.acme.Cache.load(Cache.java:3)"),
                Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    @Test
    void aTranscriptCarriesOnlyTheLinesOfTheAttachingThread() throws Exception {
        AgentLog log = AgentLog.stderr(false);
        ByteArrayOutputStream transcript = new ByteArrayOutputStream();

        log.copyTo(new PrintStream(transcript, true, StandardCharsets.UTF_8));
        log.info("patched com.acme.SecondCache.map (java.util.Map): this attach's line");
        Thread application = new Thread(() -> log.info("guarded the live java.util.HashMap of com.acme.FirstCache.map"),
                "application");
        application.start();
        application.join(); // the deterministic hook: an application thread logs while the attach runs
        log.error("this attach's error");
        log.copyTo(null);
        log.info("after the attach");

        assertEquals(List.of("[cacheguard] patched com.acme.SecondCache.map (java.util.Map): this attach's line",
                        "[cacheguard] error: this attach's error"),
                transcript.toString(StandardCharsets.UTF_8).lines().collect(java.util.stream.Collectors.toList()));
    }
}
