package io.cacheguard.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The files the agent writes ({@code report}, {@code log}, {@code sarif}) and reads ({@code config})
 * never hang the host and never harm a file: a link, a FIFO, a device or another user's file gives
 * one error line and the documented fallback, and the application runs as without the agent.
 * Regressions (issue 17): a FIFO blocked premain for ever; a link was followed and its target
 * truncated, or created; a non-ASCII report path under {@code LANG=C} disabled the whole agent.
 */
class OutputFilesIT {
    private static final long TIMEOUT_SECONDS = 60; // a blocked premain fails the test, it does not hang the build
    private static final byte[] PRECIOUS = "someone's file\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path temp;

    private ChildJvm.Result withoutAgent;

    @BeforeEach
    void runWithoutTheAgent() throws Exception {
        withoutAgent = ChildJvm.run(TIMEOUT_SECONDS, "-cp", ChildJvm.testClasspath(), "io.cacheguard.it.fixtures.HelloApp", "5");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"report", "log", "sarif"})
    void aLinkToAFileIsNotFollowedAndTheTargetKeepsItsBytes(String key) throws Exception {
        Path target = Files.write(temp.resolve("target"), PRECIOUS);
        Path link = Files.createSymbolicLink(temp.resolve(key + "-link"), target);
        ChildJvm.Result result = hello(key + "=" + link);
        assertFallsBack(result, key + "='" + link + "' cannot be written (" + link + " is a symbolic link");
        assertArrayEquals(PRECIOUS, Files.readAllBytes(target));
        assertTrue(Files.isSymbolicLink(link));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"report", "log", "sarif"})
    void aDanglingLinkCreatesNothingWhereItPoints(String key) throws Exception {
        Path target = temp.resolve("nothing-here");
        Path link = Files.createSymbolicLink(temp.resolve(key + "-link"), target);
        ChildJvm.Result result = hello(key + "=" + link);
        assertFallsBack(result, key + "='" + link + "' cannot be written (" + link + " is a symbolic link");
        assertFalse(Files.exists(target, LinkOption.NOFOLLOW_LINKS));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"report", "log", "sarif"})
    void aFifoWithNoReaderDoesNotBlockTheHost(String key) throws Exception {
        Path fifo = mkfifo(key + "-fifo");
        ChildJvm.Result result = hello(key + "=" + fifo);
        assertFallsBack(result, key + "='" + fifo + "' cannot be written (" + fifo + " is not a regular file");
    }

    @Test
    void aDeviceIsNoReport() throws Exception {
        assertFallsBack(hello("report=/dev/zero"), "report='/dev/zero' cannot be written (/dev/zero is not a regular file");
    }

    @Test
    void anotherUsersFileIsLeftAlone() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root to give a file away");
        Path theirs = Files.write(temp.resolve("theirs.jsonl"), PRECIOUS);
        UserPrincipal nobody = theirs.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(theirs, nobody);
        ChildJvm.Result result = hello("report=" + theirs);
        assertFallsBack(result, "report='" + theirs + "' cannot be written (" + theirs + " belongs to nobody, not to root");
        assertArrayEquals(PRECIOUS, Files.readAllBytes(theirs));
    }

    @Test
    void aFifoAsConfigDisablesTheAgentWithOneLineInsteadOfBlocking() throws Exception {
        Path fifo = mkfifo("config-fifo");
        assertDisabled(hello("config=" + fifo), "config='" + fifo + "' cannot be read (not a regular file");
    }

    @Test
    void aConfigOverOneMegabyteDisablesTheAgentWithOneLine() throws Exception {
        Path config = temp.resolve("huge.properties");
        Files.writeString(config, "mode=patch\n" + "#".repeat(2 << 20) + "\n");
        assertDisabled(hello("config=" + config), "config='" + config + "' cannot be read (" + Files.size(config)
                + " bytes, over the 1048576 a config file may have");
    }

    /** A second run appends to the report the first left, after the first's summary: nothing is truncated. */
    @Test
    void anExistingReportIsAppendedTo() throws Exception {
        Path report = temp.resolve("report.jsonl");
        assertEquals(5, hello("report=" + report).exitCode);
        assertEquals(5, hello("report=" + report).exitCode);
        List<String> kinds = new ArrayList<>();
        for (Map<String, Object> event : ReportFile.read(report).events) {
            kinds.add((String) event.get("event"));
        }
        assertEquals(List.of("start", "summary", "start", "summary"), kinds);
    }

    @Test
    void percentPAndADirectoryGiveEachJvmItsOwnFile() throws Exception {
        Path dir = temp.resolve("reports");
        ChildJvm.Result result = hello("report=" + dir + "/,log=" + temp.resolve("agent-%p.log"));
        assertEquals(5, result.exitCode, result::toString);
        List<Path> reports = list(dir);
        assertEquals(1, reports.size(), reports::toString);
        String name = reports.get(0).getFileName().toString();
        assertTrue(name.matches("cacheguard-[0-9]+\\.jsonl"), name);
        String pid = name.substring("cacheguard-".length(), name.length() - ".jsonl".length());
        assertEquals(Long.parseLong(pid), ReportFile.read(reports.get(0)).events("start").get(0).get("pid"));
        assertTrue(Files.readString(temp.resolve("agent-" + pid + ".log")).startsWith("[cacheguard] "));
    }

    /**
     * Under {@code LANG=C} the JDK names files in ASCII ({@code sun.jnu.encoding}): a non-ASCII
     * report path cannot be opened at all. That costs the report, not the agent.
     */
    @Test
    void aNonAsciiReportPathUnderTheCLocaleFallsBackAndTheAgentRuns() throws Exception {
        Path report = temp.resolve("rapport-été.jsonl");
        Map<String, String> cLocale = Map.of("LANG", "C", "LC_ALL", "C");
        ChildJvm.Result without = ChildJvm.run(cLocale, TIMEOUT_SECONDS,
                "-cp", ChildJvm.testClasspath(), "io.cacheguard.it.fixtures.HelloApp", "5");
        ChildJvm.Result result = ChildJvm.run(cLocale, TIMEOUT_SECONDS,
                "-javaagent:" + ChildJvm.agentJar() + "=report=" + report,
                "-cp", ChildJvm.testClasspath(), "io.cacheguard.it.fixtures.HelloApp", "5");
        assertEquals(without.exitCode, result.exitCode, result::toString);
        assertEquals(without.stdout, result.stdout, result::toString);
        assertOneErrorLine(result, "cannot be written (not a path this JVM can name");
        assertTrue(result.stderr.contains(" mode=both"), "the agent runs: " + result);
    }

    private ChildJvm.Result hello(String options) throws Exception {
        return ChildJvm.run(TIMEOUT_SECONDS, "-javaagent:" + ChildJvm.agentJar() + "=" + options,
                "-cp", ChildJvm.testClasspath(), "io.cacheguard.it.fixtures.HelloApp", "5");
    }

    /** The application as without the agent, one error line naming the problem, and the agent running. */
    private void assertFallsBack(ChildJvm.Result result, String named) {
        assertEquals(withoutAgent.exitCode, result.exitCode, result::toString);
        assertEquals(withoutAgent.stdout, result.stdout, result::toString);
        assertOneErrorLine(result, named);
        assertTrue(result.stderr.contains(" mode=both"), "the agent runs: " + result);
    }

    private void assertDisabled(ChildJvm.Result result, String named) {
        assertEquals(withoutAgent.exitCode, result.exitCode, result::toString);
        assertEquals(withoutAgent.stdout, result.stdout, result::toString);
        String[] lines = result.stderr.strip().split("\\R");
        assertEquals(1, lines.length, result::toString);
        assertTrue(lines[0].startsWith("[cacheguard] error: " + named), result::toString);
        assertTrue(lines[0].endsWith("the agent is disabled and the application runs without it"), result::toString);
    }

    private static void assertOneErrorLine(ChildJvm.Result result, String named) {
        List<String> errors = new ArrayList<>();
        for (String line : result.stderr.split("\\R")) {
            if (line.startsWith("[cacheguard] error: ")) {
                errors.add(line);
            }
        }
        assertEquals(1, errors.size(), result::toString);
        assertTrue(errors.get(0).contains(named), result::toString);
    }

    private Path mkfifo(String name) throws Exception {
        Path fifo = temp.resolve(name);
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertTrue(mkfifo.waitFor(30, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo");
        return fifo;
    }

    private static List<Path> list(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.toList();
        }
    }
}
