package io.cacheguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cacheguard.testing.JsonParser;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue 16: {@code status <pid>} against a JVM with the agent, one without it, and a PID that is gone. */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class StatusIT {
    private static final String MEMO = "io.cacheguard.samples.serve.LiveMemo.MEMO";
    private static final String SESSIONS = "io.cacheguard.samples.serve.SessionCache.cache";

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
