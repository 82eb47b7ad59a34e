package io.cacheguard.agent.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgentStateTest {
    private static final AgentState STATE = new AgentState("1.2.3", "both", "hb", "attach",
            "mode=both report=/tmp/r.jsonl", "/tmp/r.jsonl",
            List.of(new FieldState("com.acme.Cache.map", "patched", "live", "maximumSize=10,expireAfterWrite=5m", 7,
                            new BoundedCounts(10, 900, 25)),
                    new FieldState("com.acme.Other.memo", "skipped", "load", "", 0)),
            3, 1, 1234L);

    @Test
    void theTextFormReadsBackAsTheSameState() {
        assertEquals(STATE, AgentState.parse(STATE.toText()));
    }

    @Test
    void theCountsOfBoundedMapsReadBackForTheirFieldOnly() {
        AgentState read = AgentState.parse(STATE.toText());

        assertEquals(new BoundedCounts(10, 900, 25), read.fields().get(0).maps());
        assertEquals(BoundedCounts.NOT_COUNTED, read.fields().get(1).maps());
        assertEquals(900, read.evictions());
        assertEquals(25, read.expiries());
    }

    @Test
    void aCommandOfTheVersionBeforeReadsTheFieldsAsBefore() {
        // the previous parser's field line: five space-separated parts, the bounds spec last
        String fieldLine = STATE.toText().lines().filter(line -> line.startsWith("field com.acme.Cache.map ")).findFirst()
                .orElseThrow();

        assertEquals("field com.acme.Cache.map patched live 7 maximumSize=10,expireAfterWrite=5m", fieldLine);
    }

    @Test
    void aLineBreakInAnOptionCannotForgeAField() {
        AgentState forged = new AgentState("1", "both", "hb", "javaagent", "x\nfield a.b patched load 9 -", "none",
                List.of(), 0, 0, 0);

        assertEquals(List.of(), AgentState.parse(forged.toText()).fields());
    }

    @Test
    void keysALaterVersionAddsAreIgnored() {
        AgentState read = AgentState.parse(STATE.toText() + "evictions com.acme.Cache.map 12\n");

        assertEquals(STATE, read);
    }

    @Test
    void anotherFormatIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> AgentState.parse("version=1 mode=both"));
    }

    @Test
    void totalsCountRepeatsAndVerdicts() {
        assertEquals(7, STATE.totalRaces());
        assertEquals(1, STATE.count("patched"));
        assertEquals(1, STATE.count("skipped"));
    }
}
