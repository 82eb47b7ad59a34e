package io.cacheguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cacheguard.testing.JsonParser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6: a racy server runs without the agent and breaks; {@code attach} patches it while its
 * writers run; from then on it no longer breaks and no entry is lost. The server is the samples'
 * {@code --serve} loop: a static final memo and an instance cache, both with live entries at the
 * attach and under write load, checked at quiescent checkpoints.
 */
class AttachIT {
    private static final String MEMO = "io.cacheguard.samples.serve.LiveMemo.MEMO";
    private static final String SESSIONS = "io.cacheguard.samples.serve.SessionCache.cache";
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final int CHECKS_AFTER_SWAP = 10;

    @TempDir
    Path work;

    @Test
    void attachedServerStopsBreakingAndKeepsEveryEntryPresentAtTheSwap() throws Exception {
        Path report = work.resolve("report.jsonl");
        try (RunningJvm server = serve()) {
            server.awaitLine(line -> line.startsWith("CHECK ") && line.contains(" BROKEN "), DEADLINE);

            ChildJvm.Result attach = cli("attach", Long.toString(server.pid()), "report=" + report);

            assertEquals(0, attach.exitCode, attach.toString());
            assertTrue(attach.stdout.contains("[cacheguard] patched " + MEMO + " (java.util.Map)"), attach.toString());
            assertTrue(attach.stdout.contains("[cacheguard] patched " + SESSIONS + " (java.util.Map)"), attach.toString());
            assertTrue(attach.stdout.contains("report: " + report), attach.toString());
            awaitSwapOf(server, "memo", "sessions");
            for (int i = 0; i < CHECKS_AFTER_SWAP; i++) {
                String check = server.awaitLine(line -> line.startsWith("CHECK "), DEADLINE);
                // the default mode, both: the live guard (a GuardedLiveHashMap) inside a tracked map
                assertTrue(check.contains(" OK ") && check.contains("memo=io.cacheguard.agent.runtime.TrackedHashMap")
                        && check.contains("sessions=io.cacheguard.agent.runtime.TrackedHashMap"),
                        check + "\nserver lines:\n" + String.join("\n", server.seen()));
            }
            assertOnlyServerLinesOnStdout(server);
        }
        ReportFile events = ReportFile.read(report);
        assertEquals(Set.of(MEMO, SESSIONS), events.patchedFields());
        Map<String, Map<String, Object>> live = events.events("live").stream()
                .collect(Collectors.toMap(event -> (String) event.get("field"), event -> event));
        assertEquals(Set.of(MEMO, SESSIONS), live.keySet());
        assertEquals("read sites redirected (a static final field keeps the raw map)", live.get(MEMO).get("how"));
        assertEquals("written back into the field", live.get(SESSIONS).get("how"));
        Map<String, Object> attached = events.events("attach").get(0);
        assertEquals("attached", attached.get("outcome"));
        assertEquals(List.of(MEMO, SESSIONS), JsonParser.array(attached.get("staleAliasFields")));
        assertEquals(List.of(), events.events("error"));
        Set<String> raced = events.events("race").stream()
                .map(race -> race.get("class") + "." + race.get("field")).collect(Collectors.toSet());
        assertFalse(raced.isEmpty(), "the writers' races are reported from the attach on: " + events.events);
        assertTrue(Set.of(MEMO, SESSIONS).containsAll(raced), raced::toString);
        // the default detector of an attach is the watch: it needs no synchronization rewritten in code already running
        assertTrue(events.events("race").stream().allMatch(race -> "watch".equals(race.get("detector"))), events.events::toString);
    }

    @Test
    void tenAttachesInARowInstrumentNothingTwiceAndLaterOptionsChangeOrAreRefused() throws Exception {
        Path report = work.resolve("report.jsonl");
        try (RunningJvm server = serve()) {
            for (int i = 1; i <= 10; i++) {
                ChildJvm.Result attach = cli("attach", Long.toString(server.pid()), "report=" + report);
                assertEquals(0, attach.exitCode, "attach #" + i + ": " + attach);
                if (i > 1) {
                    assertTrue(attach.stdout.contains("is already attached") && attach.stdout.contains("change nothing"),
                            "attach #" + i + ": " + attach);
                }
            }
            ChildJvm.Result targets = cli("attach", Long.toString(server.pid()),
                    "targets=io.cacheguard.samples.serve.ServeLoop");
            assertEquals(0, targets.exitCode, targets.toString());
            assertTrue(targets.stdout.contains("changed targets"), targets.toString());

            ChildJvm.Result off = cli("attach", Long.toString(server.pid()), "mode=off");
            assertEquals(1, off.exitCode, off.toString());
            assertTrue(off.stderr.contains("mode=off would undo mode=both, and a running JVM cannot be un-patched"),
                    off.toString());

            ChildJvm.Result otherReport = cli("attach", Long.toString(server.pid()), "report=" + work.resolve("other"));
            assertEquals(1, otherReport.exitCode, otherReport.toString());
            assertTrue(otherReport.stderr.contains("report cannot change while the agent runs"), otherReport.toString());

            awaitSwapOf(server, "memo", "sessions");
            for (int i = 0; i < 3; i++) {
                String check = server.awaitLine(line -> line.startsWith("CHECK "), DEADLINE);
                assertTrue(check.contains(" OK "), check);
            }
        }
        ReportFile events = ReportFile.read(report);
        assertEquals(2, events.events("patched").size(), "each field reported once: " + events.events("patched"));
        assertEquals(1, events.events("start").size());
        List<Object> outcomes = events.events("attach").stream().map(event -> event.get("outcome"))
                .collect(Collectors.toList());
        assertEquals(List.of("attached", "unchanged", "unchanged", "unchanged", "unchanged", "unchanged", "unchanged",
                "unchanged", "unchanged", "unchanged", "changed", "refused", "refused"), outcomes);
        long retransformedByFirstTen = events.events("attach").stream().limit(10)
                .mapToLong(event -> ((Number) event.get("classesRetransformed")).longValue()).sum();
        // ServeLoop declares a SessionCache field: a type named like a cache may be the application's
        // own map class, so the pre-filter lets it through and the analysis finds it is not one.
        assertEquals(3, retransformedByFirstTen, "only the first attach retransforms (LiveMemo, SessionCache, ServeLoop)");
    }

    @Test
    void attachingWithModeOffAndThenPatchPatchesTheRunningServer() throws Exception {
        try (RunningJvm server = serve()) {
            String pid = Long.toString(server.pid());
            ChildJvm.Result off = cli("attach", pid, "mode=off");
            assertEquals(0, off.exitCode, off.toString());
            assertTrue(off.stdout.contains("attached (mode=off)"), off.toString());

            ChildJvm.Result patch = cli("attach", pid, "mode=patch");

            assertEquals(0, patch.exitCode, patch.toString());
            assertTrue(patch.stdout.contains("[cacheguard] patched " + MEMO), patch.toString());
            // mode=off left nothing behind (no session, nothing defined): this attach is the first start
            assertTrue(patch.stdout.contains("attached (mode=patch)"), patch.toString());
            awaitSwapOf(server, "memo", "sessions");
            String check = server.awaitLine(line -> line.startsWith("CHECK "), DEADLINE);
            assertTrue(check.contains(" OK "), check);
        }
    }

    @Test
    void listShowsTheServerAndWhetherCacheguardRunsThere() throws Exception {
        try (RunningJvm server = serve()) {
            String pid = Long.toString(server.pid());
            ChildJvm.Result before = cli("list");
            assertEquals(0, before.exitCode, before.toString());
            assertTrue(lineOf(before.stdout, pid).matches(pid + " +\\d+ +no +.*cacheguard-samples\\.jar --serve.*"),
                    before.stdout);

            assertEquals(0, cli("attach", pid, "mode=patch").exitCode);

            ChildJvm.Result after = cli("list");
            assertTrue(lineOf(after.stdout, pid).contains("version=" + System.getProperty("cacheguard.version")
                    + " mode=patch start=attach"), after.stdout);
        }
    }

    private static String lineOf(String output, String pid) {
        return output.lines().filter(line -> line.startsWith(pid + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + pid + " in:\n" + output));
    }

    static RunningJvm serve() throws Exception {
        return RunningJvm.start(line -> line.startsWith("SERVE "), "-jar",
                SamplesWithAgentIT.samplesJar().toString(), "--serve");
    }

    static ChildJvm.Result cli(String... arguments) throws Exception {
        String[] command = new String[arguments.length + 2];
        command[0] = "-jar";
        command[1] = ChildJvm.agentJar().toString();
        System.arraycopy(arguments, 0, command, 2, arguments.length);
        return ChildJvm.run(command);
    }

    /**
     * Waits until every named map was seen guarded. Until then a check may find damage in a map
     * still raw (or, at its swap, done before it), but never in a map already guarded.
     */
    private static void awaitSwapOf(RunningJvm server, String... maps) throws InterruptedException {
        Set<String> swapped = new java.util.TreeSet<>();
        while (!swapped.containsAll(List.of(maps))) {
            String line = server.awaitLine(l -> l.startsWith("SWAP ") || l.contains(" BROKEN "), DEADLINE);
            if (line.startsWith("SWAP ")) {
                swapped.add(line.split(" ")[2]);
            } else {
                for (String map : swapped) {
                    assertTrue(!line.contains(" " + map + ": "), map + " broken after it was guarded: " + line);
                }
            }
        }
    }

    /** The agent writes nothing on the host's stdout: every line there is the server's own. */
    private static void assertOnlyServerLinesOnStdout(RunningJvm server) {
        for (String line : server.seen()) {
            assertTrue(line.matches("(SERVE|CHECK|SWAP) .*"), "not the server's: " + line);
        }
    }
}
