package io.cacheguard.agent.htmlreport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ReportCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path report() throws Exception {
        return Files.writeString(temp.resolve("cacheguard.jsonl"), ReportReaderTest.oneRun());
    }

    @Test
    void withoutHtmlTheReportIsPrintedAsTextOnStdout() throws Exception {
        Path report = report();
        assertEquals(0, run(report.toString()), this::err);
        assertTrue(out().startsWith("cacheguard race report: " + report + ": 5 lines, 1 run, 2 distinct races"), out());
        assertEquals("", err());
    }

    @Test
    void withHtmlThePageIsWrittenIntoTheDirectoryItCreates() throws Exception {
        Path dir = temp.resolve("site/cacheguard");
        assertEquals(0, run(report().toString(), "--html", dir.toString()), this::err);
        String page = Files.readString(dir.resolve("index.html"));
        assertTrue(page.startsWith("<!DOCTYPE html>"), page);
        assertTrue(page.contains("<article class=\"race\""), page);
        assertEquals("", out(), "stdout stays empty: nothing to pipe");
        assertEquals("cacheguard report: 5 lines, 1 run, 2 distinct races, 0 bad lines; page written to "
                + dir.resolve("index.html") + System.lineSeparator(), err());
    }

    @Test
    void aThreadNameWithAnUnpairedSurrogateIsShownEscapedAndThePageWritten() throws Exception {
        // JSON may escape half a surrogate pair, and the agent's writer does so for a thread name holding one
        Path report = Files.writeString(temp.resolve("surrogate.jsonl"), ReportLines.file(ReportLines.start(1, "both"),
                ReportLines.race("a.B", "m", "read-write", "half\ud800pair", List.of("a.B.get(B.java:1)"),
                        "whole\ud83d\ude00", List.of("a.B.get(B.java:2)"))));
        Path dir = temp.resolve("page");
        assertEquals(0, run(report.toString(), "--html", dir.toString()), this::err);
        String page = Files.readString(dir.resolve("index.html"));
        assertTrue(page.contains("in thread &quot;half\\ud800pair&quot;"), page);
        assertTrue(page.contains("in thread &quot;whole\ud83d\ude00&quot;"), "a whole pair is a character, shown as it is");
        assertEquals(0, run(report.toString()), this::err);
        assertTrue(out().contains("in thread \"half\\ud800pair\""), out());
    }

    @Test
    void aTruncatedReportStillRendersWithExitZero() throws Exception {
        Path report = Files.writeString(temp.resolve("cut.jsonl"), ReportReaderTest.oneRun() + "{\"event\":\"ra");
        assertEquals(0, run(report.toString()), this::err);
        assertTrue(out().contains("1 bad line (not read; everything else is shown):"), out());
        assertTrue(out().contains("  line 6: cut short ("), out());
    }

    @Test
    void aMissingReportIsExitTwoNamingTheFile() {
        Path missing = temp.resolve("nope.jsonl");
        assertEquals(2, run(missing.toString()));
        assertEquals("cacheguard report: " + missing + ": cannot read it (no such file or directory);"
                + " give the file the agent's report= option wrote" + System.lineSeparator(), err());
        assertEquals("", out());
    }

    @Test
    void aDirectoryIsExitTwo() {
        assertEquals(2, run(temp.toString()));
        assertTrue(err().contains(temp + ": cannot read it (a directory; name one of its .jsonl files)"), err());
    }

    @Test
    void aFileWithNoEventIsExitTwo() throws Exception {
        Path empty = Files.writeString(temp.resolve("empty.jsonl"), "");
        assertEquals(2, run(empty.toString()));
        assertTrue(err().contains(empty + ": no cacheguard event in it (0 lines, 0 runs, 0 distinct races, 0 bad lines)"), err());
        Path log = Files.writeString(temp.resolve("app.log"), "[cacheguard] RACE read-write on a.B.c\nINFO started\n");
        assertEquals(2, run(log.toString()));
        assertTrue(err().contains(log + ": no cacheguard event in it (2 lines, 0 runs, 0 distinct races, 2 bad lines)"), err());
    }

    @Test
    void aPageThatCannotBeWrittenIsExitTwo() throws Exception {
        Path file = Files.writeString(temp.resolve("not-a-dir"), "x");
        assertEquals(2, run(report().toString(), "--html", file.toString()));
        assertTrue(err().startsWith("cacheguard report: " + file.resolve("index.html") + ": cannot write the page ("), err());
        assertTrue(err().contains("; choose a directory you can write with --html"), err());
    }

    @Test
    void badUsageIsExitTwoWithTheSynopsis() {
        for (List<String> args : List.<List<String>>of(List.of(), List.of("a.jsonl", "--html"), List.of("a.jsonl", "--pdf"),
                List.of("a.jsonl", "b.jsonl"), List.of("a.jsonl", "--html", "x", "--html", "y"))) {
            err.reset();
            assertEquals(2, run(args.toArray(String[]::new)), args::toString);
            assertTrue(err().contains("; usage: java -jar cacheguard-agent.jar report <report.jsonl> [--html DIR]"), err());
        }
        assertEquals("", out());
    }

    @Test
    void helpIsExitZeroOnStdoutWithTheExitCodes() {
        assertEquals(0, run("--help"));
        assertTrue(out().contains("exit status: 0 shown (bad lines included), 2 bad usage"), out());
    }
}
