package io.cacheguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cacheguard.it.fixtures.BoundedCachesApp;
import io.cacheguard.testing.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16: {@code status <pid>} against a JVM with the agent, one without it, and a PID that is gone. */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class StatusIT {
    private static final String MEMO = "io.cacheguard.samples.serve.LiveMemo.MEMO";
    private static final String SESSIONS = "io.cacheguard.samples.serve.SessionCache.cache";
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path work;

    @Test
    void statusShowsWhatTheAttachPatchedAsATableAndAsJson() throws Exception {
        try (RunningJvm server = AttachIT.serve()) {
            String pid = Long.toString(server.pid());
            ChildJvm.Result attach = AttachIT.cli("attach", pid);
            assertEquals(0, attach.exitCode, attach.toString());

            ChildJvm.Result table = AttachIT.cli("status", pid);
            ChildJvm.Result json = AttachIT.cli("status", pid, "--json");

            assertEquals(0, table.exitCode, table.toString());
            assertTrue(table.stdout.startsWith("cacheguard "), table.stdout);
            assertTrue(table.stdout.contains(" in JVM " + pid + " (attach)"), table.stdout);
            assertTrue(table.stdout.lines().anyMatch(line -> line.matches("mode +both")), table.stdout);
            assertTrue(table.stdout.lines().anyMatch(line -> line.startsWith(MEMO) && line.matches(".* patched +live +\\d+ .*")),
                    table.stdout);
            assertEquals("", table.stderr, "status prints nothing else");
            assertEquals(0, json.exitCode, json.toString());
            Map<String, Object> status = JsonParser.object(JsonParser.parse(json.stdout.trim()));
            assertEquals(server.pid(), ((Number) status.get("pid")).longValue());
            assertEquals("both", status.get("mode"));
            assertEquals("attach", status.get("start"));
            Map<Object, Object> verdicts = JsonParser.array(status.get("fields")).stream().map(JsonParser::object)
                    .collect(Collectors.toMap(field -> field.get("field"), field -> field.get("verdict") + " "
                            + field.get("patchedAt")));
            assertEquals(Map.of(MEMO, "patched live", SESSIONS, "patched live"), verdicts);
            assertTrue(server.stderr().lines().noneMatch(line -> line.contains("status")),
                    "the status read printed something in the target: " + server.stderr());
        }
    }

    @Test
    void statusFollowsWhatTheBoundedMapsHoldEvictedAndExpired() throws Exception {
        Path config = work.resolve("cacheguard.properties");
        Files.writeString(config, BoundedCachesApp.boundsConfig());
        String app = BoundedCachesApp.class.getName();
        try (RunningJvm jvm = RunningJvm.start(line -> line.startsWith("READY "),
                "-javaagent:" + ChildJvm.agentJar() + "=config=" + config, "-cp", ChildJvm.testClasspath(), app)) {
            String pid = Long.toString(jvm.pid());
            // the agent republishes the counts within a second of a change: the first look may predate the fill
            Map<Object, Map<String, Object>> fields = Map.of();
            long end = System.nanoTime() + DEADLINE.toNanos();
            while (!Long.valueOf(900).equals(number(fields.get(app + ".SIZED"), "evictions"))
                    || !Long.valueOf(50).equals(number(fields.get(app + ".EXPIRING"), "expiries"))
                    || !Long.valueOf(30).equals(number(fields.get(app + ".perOwner"), "size"))) {
                assertTrue(System.nanoTime() < end, "status did not show the final counts within " + DEADLINE + ": "
                        + fields + "\n" + jvm.stderr());
                ChildJvm.Result json = AttachIT.cli("status", pid, "--json");
                assertEquals(0, json.exitCode, json.toString());
                fields = JsonParser.array(JsonParser.object(JsonParser.parse(json.stdout.trim())).get("fields")).stream()
                        .map(JsonParser::object).collect(Collectors.toMap(field -> field.get("field"), field -> field));
            }
            assertEquals(List.of(100L, 900L, 0L), counts(fields.get(app + ".SIZED")));
            assertEquals(List.of(0L, 0L, 50L), counts(fields.get(app + ".EXPIRING")));
            assertEquals(List.of(30L, 30L, 0L), counts(fields.get(app + ".perOwner")));

            ChildJvm.Result table = AttachIT.cli("status", pid);
            assertTrue(table.stdout.lines().anyMatch(line -> line.startsWith(app + ".SIZED ")
                    && line.matches(".* maximumSize=100 +100 +900 +0")), table.stdout);
        }
    }

    private static Long number(Map<String, Object> field, String key) {
        Object value = field == null ? null : field.get(key);
        return value == null ? null : ((Number) value).longValue();
    }

    /** Size, evictions, expiries. */
    private static List<Long> counts(Map<String, Object> field) {
        return List.of(number(field, "size"), number(field, "evictions"), number(field, "expiries"));
    }

    @Test
    void aJvmWithoutCacheguardIsExitEightWithOneLine() throws Exception {
        try (RunningJvm server = AttachIT.serve()) {
            ChildJvm.Result status = AttachIT.cli("status", Long.toString(server.pid()));

            assertEquals(8, status.exitCode, status.toString());
            assertEquals("", status.stdout);
            assertEquals(List.of("cacheguard status: cacheguard is not running in JVM " + server.pid() + "; attach it with"
                    + " 'java -jar " + ChildJvm.agentJar() + " attach " + server.pid() + "'"), status.stderr.lines().collect(
                    Collectors.toList()));
        }
    }

    @Test
    void aPidThatIsGoneIsExitThree() throws Exception {
        Process gone = new ProcessBuilder(ChildJvm.java().toString(), "-version").start();
        gone.getErrorStream().readAllBytes();
        assertTrue(gone.waitFor(60, TimeUnit.SECONDS));

        ChildJvm.Result status = AttachIT.cli("status", Long.toString(gone.pid()));

        assertEquals(3, status.exitCode, status.toString());
        assertTrue(status.stderr.startsWith("cacheguard status: no process with PID " + gone.pid() + " is running"),
                status.stderr);
    }
}
