package io.cacheguard.agent.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cacheguard.agent.AttachProtocol;
import io.cacheguard.agent.status.AgentState;
import io.cacheguard.agent.status.BoundedCounts;
import io.cacheguard.agent.status.FieldState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusCommandTest {
    private static final TargetJvm TARGET = TargetJvm.listed(4242, null);
    private static final AgentState STATE = new AgentState("9.9", "both", "hb", "attach", "mode=both", "none",
            List.of(new FieldState("com.acme.Cache.map", "patched", "live", "maximumSize=10", 5)), 2, 0, 0L);

    /** Answers with these properties, as a target JVM's attach listener would. */
    private static Attacher answering(Map<String, String> properties) {
        return new Attacher() {
            @Override
            public String cacheguardStatus(TargetJvm target, String agentJar) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Map<String, String> properties(TargetJvm target, String agentJar, String... names) {
                return properties;
            }

            @Override
            public void loadAgent(TargetJvm target, String agentJar, String argument, StatusCheck beforeLoading) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void aJvmWithoutCacheguardIsExitEightWithWhatToDo() {
        AttachFailure failure = assertThrows(AttachFailure.class,
                () -> StatusCommand.read(answering(Map.of()), TARGET, "agent.jar"));

        assertEquals(8, failure.exitCode);
        assertEquals("cacheguard is not running in JVM 4242; attach it with 'java -jar agent.jar attach 4242'",
                failure.getMessage());
    }

    @Test
    void anAgentThatPublishesNoReadableStateIsAnotherVersion() {
        AttachFailure failure = assertThrows(AttachFailure.class, () -> StatusCommand.read(
                answering(Map.of(AttachProtocol.STATUS_PROPERTY, "version=0.1 mode=both start=attach")), TARGET, "a.jar"));

        assertEquals(7, failure.exitCode);
        assertTrue(failure.getMessage().contains("version=0.1"), failure.getMessage());
    }

    @Test
    void anAttacherThatCannotReadPropertiesIsExitSix() {
        AttachFailure failure = assertThrows(AttachFailure.class,
                () -> StatusCommand.read(answering(null), TARGET, "agent.jar"));

        assertEquals(6, failure.exitCode);
    }

    @Test
    void theTableShowsEachFieldWithItsVerdictMomentRacesAndBounds() throws Exception {
        AgentState read = StatusCommand.read(answering(Map.of(AttachProtocol.STATUS_PROPERTY, "version=9.9",
                AgentState.PROPERTY, STATE.toText())), TARGET, "agent.jar");

        String table = StatusView.table(4242, read);

        assertTrue(table.startsWith("cacheguard 9.9 in JVM 4242 (attach)"), table);
        assertTrue(table.contains("races     2 distinct, 5 in all"), table);
        assertTrue(table.contains("com.acme.Cache.map  patched  live  5      maximumSize=10"), table);
    }

    @Test
    void aFieldWithBoundsShowsWhatItsMapsHoldEvictedAndExpired() {
        AgentState bounded = new AgentState("9.9", "both", "hb", "javaagent", "mode=both", "none", List.of(
                new FieldState("com.acme.Cache.map", "patched", "load", "maximumSize=10", 0, new BoundedCounts(10, 90, 3)),
                new FieldState("com.acme.Other.memo", "patched", "load", "", 1)), 1, 0, 0L);

        String table = StatusView.table(4242, bounded);
        String json = StatusView.json(4242, bounded);

        assertTrue(table.contains("FIELD                VERDICT  AT    RACES  BOUNDS          SIZE  EVICTED  EXPIRED"), table);
        assertTrue(table.contains("com.acme.Cache.map   patched  load  0      maximumSize=10  10    90       3"), table);
        assertTrue(table.contains("com.acme.Other.memo  patched  load  1      -               -     -        -"), table);
        assertTrue(json.contains("\"bounds\":\"maximumSize=10\",\"races\":0,\"size\":10,\"evictions\":90,\"expiries\":3}"),
                json);
        assertTrue(json.contains("\"field\":\"com.acme.Other.memo\",\"verdict\":\"patched\",\"patchedAt\":\"load\","
                + "\"bounds\":\"\",\"races\":1}"), json);
    }

    @Test
    void theJsonIsOneObjectOnOneLine() {
        String json = StatusView.json(4242, STATE);

        assertEquals(1, json.lines().count());
        assertTrue(json.startsWith("{\"pid\":4242,\"version\":\"9.9\",\"mode\":\"both\""), json);
        assertTrue(json.contains("\"fields\":[{\"field\":\"com.acme.Cache.map\",\"verdict\":\"patched\","
                + "\"patchedAt\":\"live\",\"bounds\":\"maximumSize=10\",\"races\":5}]"), json);
    }
}
