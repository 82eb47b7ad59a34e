package io.cacheguard.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void versionGoesToStdoutWithExitZero() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("cacheguard "));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void unknownCommandNamesItAndExitsTwo() {
        assertEquals(2, run("nope"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("'nope'"));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void scanIsACommand() {
        assertEquals(2, run("scan"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("cacheguard scan: no jar, directory or class file given"));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void scanHelpGoesToStdout() {
        assertEquals(0, run("scan", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--format FORMAT"));
    }

    @Test
    void helpListsScanWithItsOptions() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains(
                "scan <jar|dir|.class>... [--all] [--targets LIST] [--format text|json|sarif] [--output FILE]"));
    }

    @Test
    void reportIsACommandListedInTheHelp() {
        assertEquals(2, run("report"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("cacheguard report: no report named"));
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("  report <report.jsonl> [--html DIR]"));
    }

    @Test
    void helpListsListAndAttach() {
        assertEquals(0, run("--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains("  list        the JVMs of this user"), help);
        assertTrue(help.contains("  attach <pid> [key=value,...]"), help);
    }

    @Test
    void attachWithoutAPidPrintsItsUsageAndExitsTwo() {
        assertEquals(2, run("attach"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("usage: java -jar cacheguard-agent.jar attach <pid>"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("5 the JVM refuses attach or agents"));
    }

    @Test
    void listTakesNoArguments() {
        assertEquals(2, run("list", "--all"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("cacheguard list: takes no arguments"));
    }

    @Test
    void helpListsStatusAndItsExitEight() {
        assertEquals(0, run("--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains("  status <pid> [--json]"), help);
        assertTrue(help.contains("status: 8 cacheguard is not running in that JVM"), help);
    }

    @Test
    void statusWithoutAPidOrWithAnUnknownFlagExitsTwoNamingTheInput() {
        assertEquals(2, run("status"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("cacheguard status: no PID given; usage:"));
        err.reset();
        assertEquals(2, run("status", "123", "--xml"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("cacheguard status: unexpected '--xml'"));
    }

    @Test
    void statusOfAWordIsBadUsage() {
        assertEquals(2, run("status", "myapp"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("'myapp' is not a process id"));
    }
}
