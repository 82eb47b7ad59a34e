package io.cacheguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cacheguard.it.fixtures.BoundedCachesApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: what the agent does shows up in a Flight Recorder recording, started with the JVM or
 * later by {@code jcmd}, as {@code jfr print} and JDK Mission Control read it.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class FlightRecorderIT {
    private static final String SEED_FIELD = "io.cacheguard.samples.expiring.ExpiringCache.cache";
    private static final String MEMO = "io.cacheguard.samples.serve.LiveMemo.MEMO";
    private static final String SESSIONS = "io.cacheguard.samples.serve.SessionCache.cache";
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path work;

    /**
     * Without a recording the agent leaves Flight Recorder's metadata alone: registering its events
     * at their first use built it on the thread loading the first class with a map field (some
     * 300 ms of CPU), and made C2 compile the JDK's internal ASM in the middle of the application.
     */
    @Test
    void withoutARecordingFlightRecordersMetadataIsNeverBuilt() throws Exception {
        ChildJvm.Result run = ChildJvm.run("-Xlog:class+load=info", "-javaagent:" + ChildJvm.agentJar(), "-jar",
                SamplesWithAgentIT.samplesJar().toString());

        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.stderr.contains("[cacheguard] patched " + SEED_FIELD), run.stderr);
        assertTrue(run.stdout.contains(" jdk.jfr.FlightRecorder "), "the agent's listener for a later recording");
        assertFalse(run.stdout.contains(" jdk.jfr.internal.MetadataRepository "), "metadata built without a recording");
    }

    @Test
    void aRecordingFromTheStartHasThePatchedFieldAndRacesWhoseOwnStackIsTheLaterAccess() throws Exception {
        Path recording = work.resolve("seed.jfr");

        ChildJvm.Result run = ChildJvm.run("-XX:StartFlightRecording=filename=" + recording,
                "-javaagent:" + ChildJvm.agentJar(), "-jar", SamplesWithAgentIT.samplesJar().toString());

        assertEquals(0, run.exitCode, run.toString());
        List<RecordedEvent> events = RecordingFile.readAllEvents(recording);
        RecordedEvent patched = only(events, "io.cacheguard.FieldPatched");
        assertEquals(SEED_FIELD, patched.getString("className") + "." + patched.getString("fieldName"));
        assertEquals("load", patched.getString("patchedAt"));
        assertEquals("java.util.HashMap", patched.getString("mapTypeBefore"));
        List<RecordedEvent> races = named(events, "io.cacheguard.Race");
        assertFalse(races.isEmpty(), "no Race event; stderr:\n" + run.stderr);
        assertTrue(races.stream().allMatch(race -> race.getString("field").equals(SEED_FIELD)), races::toString);
        assertTrue(races.stream().anyMatch(race -> stackHas(race, "io.cacheguard.samples.expiring.ExpiringCache", "get")
                        && race.getString("laterStack").contains("ExpiringCache.get(")),
                "no race whose own stack trace is inside ExpiringCache.get: " + races);
        assertTrue(races.stream().allMatch(race -> race.getString("earlierStack").startsWith("at ")), races::toString);
        long distinctInLog = run.stderr.lines().filter(line -> line.startsWith("[cacheguard] RACE ")).count();
        assertEquals(distinctInLog, races.size(), "one event per distinct race, as the log has them");
        RecordedEvent summary = last(events, "io.cacheguard.Summary");
        assertEquals(1, summary.getLong("trackedFields") + summary.getLong("patchedFields"), summary::toString);
        assertEquals(races.size(), summary.getLong("distinctRaces"), summary::toString);
        assertTrue(summary.getString("racesPerField").startsWith(SEED_FIELD + "="), summary::toString);
    }

    @Test
    void theSummaryCountsWhatTheBoundedMapsEvictedAndExpired() throws Exception {
        Path recording = work.resolve("bounded.jfr");
        Path config = work.resolve("cacheguard.properties");
        Files.writeString(config, BoundedCachesApp.boundsConfig());

        ChildJvm.Result run = ChildJvm.run("-XX:StartFlightRecording=filename=" + recording,
                "-javaagent:" + ChildJvm.agentJar() + "=config=" + config, "-cp", ChildJvm.testClasspath(),
                BoundedCachesApp.class.getName(), "--exit");

        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.stdout.lines().anyMatch(line -> line.equals("READY sized=100 expiring.found=0 perOwner=10")),
                run::toString); // after Flight Recorder's own start-up lines
        RecordedEvent summary = last(RecordingFile.readAllEvents(recording), "io.cacheguard.Summary");
        // one thread filled them: 1,000 keys into 100, 3 owners' 20 into 10, 50 read after they expired
        assertEquals(900 + 30, summary.getLong("evictions"), summary::toString);
        assertEquals(50, summary.getLong("expiries"), summary::toString);
        String app = BoundedCachesApp.class.getName();
        assertEquals(app + ".EXPIRING=0 entries/0 evicted/50 expired, " + app + ".SIZED=100 entries/900 evicted/0 expired, "
                + app + ".perOwner=30 entries/30 evicted/0 expired", summary.getString("boundedPerField"), summary::toString);
    }

    @Test
    void aRecordingStartedByJcmdSeesTheAttachPatchTheServerLive() throws Exception {
        Path recording = work.resolve("serve.jfr");
        try (RunningJvm server = AttachIT.serve()) {
            String pid = Long.toString(server.pid());
            jcmd(pid, "JFR.start", "name=cacheguard-it");

            ChildJvm.Result attach = AttachIT.cli("attach", pid);
            assertEquals(0, attach.exitCode, attach.toString());
            // races on the patched maps are reported from the attach on; wait for a few checkpoints
            for (int i = 0; i < 3; i++) {
                server.awaitLine(line -> line.startsWith("CHECK ") && line.contains(" OK "), DEADLINE);
            }
            jcmd(pid, "JFR.dump", "name=cacheguard-it", "filename=" + recording);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(recording);
        List<RecordedEvent> patched = named(events, "io.cacheguard.FieldPatched");
        assertEquals(Set.of(MEMO, SESSIONS), patched.stream()
                .map(event -> event.getString("className") + "." + event.getString("fieldName")).collect(Collectors.toSet()));
        assertTrue(patched.stream().allMatch(event -> event.getString("patchedAt").equals("live")), patched::toString);
        assertEquals(Set.of(MEMO, SESSIONS), named(events, "io.cacheguard.LiveMapGuarded").stream()
                .map(event -> event.getString("field")).collect(Collectors.toSet()));
        List<RecordedEvent> races = named(events, "io.cacheguard.Race");
        assertFalse(races.isEmpty(), "no Race event after the attach");
        assertTrue(races.stream().anyMatch(race -> race.getStackTrace().getFrames().stream()
                        .anyMatch(frame -> frame.getMethod().getType().getName().startsWith("io.cacheguard.samples.serve."))),
                "no race whose own stack trace is in the server's code: " + races);
    }

    static void jcmd(String pid, String... command) throws Exception {
        Path jcmd = Paths.get(ChildJvm.java().getParent().toString(), "jcmd");
        List<String> line = new java.util.ArrayList<>(List.of(jcmd.toString(), pid));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "jcmd did not finish: " + line);
        assertEquals(0, process.exitValue(), line + ": " + output);
    }

    private static boolean stackHas(RecordedEvent event, String type, String method) {
        if (event.getStackTrace() == null) {
            return false;
        }
        for (RecordedFrame frame : event.getStackTrace().getFrames()) {
            if (frame.getMethod().getType().getName().equals(type) && frame.getMethod().getName().equals(method)) {
                return true;
            }
        }
        return false;
    }

    static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
        return events.stream().filter(event -> event.getEventType().getName().equals(name)).collect(Collectors.toList());
    }

    private static RecordedEvent only(List<RecordedEvent> events, String name) {
        List<RecordedEvent> found = named(events, name);
        assertEquals(1, found.size(), name + ": " + found);
        return found.get(0);
    }

    private static RecordedEvent last(List<RecordedEvent> events, String name) {
        List<RecordedEvent> found = named(events, name);
        assertFalse(found.isEmpty(), "no " + name);
        return found.stream().max((a, b) -> a.getStartTime().compareTo(b.getStartTime())).get();
    }

}
