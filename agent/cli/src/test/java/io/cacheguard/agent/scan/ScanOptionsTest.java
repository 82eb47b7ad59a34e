package io.cacheguard.agent.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scan's command line: what it accepts, and the one-line error for what it does not. */
class ScanOptionsTest {

    @Test
    void inputsAndOptionsMayComeInAnyOrder() throws Exception {
        ScanOptions options = ScanOptions.parse(List.of("a.jar", "--all", "classes", "--format", "sarif",
                "--output", "out/report.sarif", "b.class"));

        assertEquals(List.of(Paths.get("a.jar"), Paths.get("classes"), Paths.get("b.class")), options.inputs);
        assertTrue(options.all);
        assertEquals(ReportFormat.SARIF, options.format);
        assertEquals(Paths.get("out/report.sarif"), options.output);
    }

    @Test
    void theDefaultsAreTextOnStdoutAndTheDefaultSelection() throws Exception {
        ScanOptions options = ScanOptions.parse(List.of("a.jar"));

        assertEquals(ReportFormat.TEXT, options.format);
        assertNull(options.output);
        assertFalse(options.all);
        assertNull(options.targets);
    }

    @Test
    void optionValuesMayFollowAnEqualsSign() throws Exception {
        ScanOptions options = ScanOptions.parse(List.of("--format=json", "--targets=com.acme.*", "a.jar"));

        assertEquals(ReportFormat.JSON, options.format);
        assertEquals("com.acme.*", options.targets);
    }

    @Test
    void repeatedTargetsAddUp() throws Exception {
        ScanOptions options = ScanOptions.parse(List.of("--targets", "com.acme.A", "--targets", "com.acme.B.map", "x"));

        assertEquals("com.acme.A:com.acme.B.map", options.targets);
    }

    @Test
    void aDoubleDashEndsTheOptions() throws Exception {
        ScanOptions options = ScanOptions.parse(List.of("--", "--all.jar"));

        assertEquals(List.of(Paths.get("--all.jar")), options.inputs);
        assertFalse(options.all);
    }

    @Test
    void anUnknownOptionIsNamed() {
        UsageException e = assertThrows(UsageException.class, () -> ScanOptions.parse(List.of("a.jar", "--fast")));

        assertEquals("unknown option '--fast'", e.getMessage());
    }

    @Test
    void anOptionWithoutItsValueSaysWhatItNeeds() {
        UsageException e = assertThrows(UsageException.class, () -> ScanOptions.parse(List.of("a.jar", "--format")));

        assertEquals("option --format needs a value (text|json|sarif)", e.getMessage());
    }

    @Test
    void anUnknownFormatIsNamed() {
        UsageException e = assertThrows(UsageException.class,
                () -> ScanOptions.parse(List.of("a.jar", "--format", "xml")));

        assertEquals("unknown format 'xml' (use text, json or sarif)", e.getMessage());
    }

    @Test
    void noInputIsAUsageError() {
        UsageException e = assertThrows(UsageException.class, () -> ScanOptions.parse(List.of("--all")));

        assertEquals("no jar, directory or class file given", e.getMessage());
    }

    @Test
    void aUsageErrorIsOneLineOnStderrAndExitsTwo() {
        ScanRun run = ScanRun.of("a.jar", "--output");

        assertEquals(2, run.exitCode);
        assertEquals("", run.stdout);
        assertEquals(1, run.stderr.lines().count(), run::toString);
        assertTrue(run.stderr.startsWith("cacheguard scan: option --output needs a value (FILE); usage: scan "),
                run::toString);
    }

    @Test
    void helpPrintsTheUsageOnStdoutAndExitsZero() {
        ScanRun run = ScanRun.of("--help");

        assertEquals(0, run.exitCode);
        assertTrue(run.stdout.startsWith("usage: java -jar cacheguard-agent.jar scan <jar|dir|.class>..."),
                run::toString);
        assertTrue(run.stdout.contains("exit status: 0 nothing to patch, 1 at least one field to patch"));
        assertEquals("", run.stderr);
    }
}
