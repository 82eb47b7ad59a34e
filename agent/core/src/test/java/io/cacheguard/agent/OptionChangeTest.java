package io.cacheguard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cacheguard.agent.config.AgentOptions;
import io.cacheguard.agent.config.OptionsParser;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A re-attach's options are changes to the running ones: what may change, and why the rest may not. */
class OptionChangeTest {
    @Test
    void repeatingTheRunningOptionsOrADefaultChangesNothing() throws Exception {
        assertEquals(Set.of(), changed("mode=patch,report=/tmp/r.jsonl", "report=/tmp/r.jsonl"));
        assertEquals(Set.of(), changed("", "mode=both,quiet=false"));
    }

    @Test
    void keysNotNamedKeepTheirRunningValue() {
        OptionChange change = OptionChange.between("mode=patch,report=/tmp/r.jsonl", "targets=com.acme.Registry");
        assertEquals("mode=patch,report=/tmp/r.jsonl,targets=com.acme.Registry", change.mergedArgument());
    }

    /** A key named twice is refused (issue 18 item 8); a re-attach naming a running key replaces it instead. */
    @Test
    void aReattachNamingRunningKeysReplacesThemRatherThanRepeatingThem() throws Exception {
        OptionChange change = OptionChange.between("mode=patch,targets=com.acme.A,report=/tmp/r.jsonl",
                "targets=com.acme.B,mode=both");
        assertEquals("mode=both,targets=com.acme.B,report=/tmp/r.jsonl", change.mergedArgument());
        assertEquals(Set.of("mode", "targets"), changed("mode=patch,targets=com.acme.A,report=/tmp/r.jsonl",
                "targets=com.acme.B,mode=both"));
    }

    @Test
    void aNewSelectionIsAcceptedAndNeedsARetransformation() throws Exception {
        Set<String> changed = changed("mode=patch", "targets=com.acme.Registry,excludes=com.acme.internal.*");
        assertEquals(Set.of("targets", "excludes"), changed);
        assertTrue(OptionChange.selectionChanged(changed));
        assertNull(refusal("mode=patch", "targets=com.acme.Registry"));
    }

    @Test
    void modeMayOnlyDoMore() throws Exception {
        assertNull(refusal("mode=off", "mode=patch"));
        assertNull(refusal("mode=patch", "mode=both"));
        assertNull(refusal("mode=off", "mode=detect"));
        // maps tracked in mode detect keep their racy original: a re-attach cannot swap that safely
        assertTrue(refusal("mode=detect", "mode=both").startsWith("mode=both cannot follow mode=detect in a running JVM"));
        assertTrue(refusal("mode=detect", "mode=patch").contains("restart the JVM with mode=patch"));
        assertTrue(refusal("mode=both", "mode=off").startsWith("mode=off would undo mode=both, and a running JVM cannot"
                + " be un-patched (its guarded maps stay guarded); attach with mode=both, or restart the JVM"));
        assertTrue(refusal("mode=patch", "mode=detect").contains("attach with mode=patch or mode=both"));
    }

    @Test
    void reportLogAndBoundsAreFixedOnceTheAgentRuns() throws Exception {
        assertTrue(refusal("report=/tmp/a.jsonl", "report=/tmp/b.jsonl")
                .startsWith("report cannot change while the agent runs (it is /tmp/a.jsonl)"));
        assertTrue(refusal("", "maximumSize=100").startsWith("maximumSize cannot change while the agent runs (it is '')"));
        assertTrue(refusal("", "log=/tmp/cacheguard.log").startsWith("log cannot change"));
    }

    private static Set<String> changed(String running, String requested) throws Exception {
        OptionChange change = OptionChange.between(running, requested);
        return change.changedKeys(parse(running), parse(change.mergedArgument()));
    }

    private static String refusal(String running, String requested) throws Exception {
        OptionChange change = OptionChange.between(running, requested);
        AgentOptions before = parse(running);
        AgentOptions after = parse(change.mergedArgument());
        return OptionChange.refusal(change.changedKeys(before, after), before, after);
    }

    private static AgentOptions parse(String argument) throws Exception {
        return OptionsParser.parse(argument, new Properties());
    }
}
