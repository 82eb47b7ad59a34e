package io.cacheguard.junit5;

import io.cacheguard.agent.runtime.RaceEvents;

/**
 * The one class that links to the agent's {@link RaceEvents}: loading it without the agent on the
 * JVM fails, so it is touched only once {@link AgentProbe} found the agent.
 */
final class AgentRaces implements RaceEvents.Listener {
    private static final AgentRaces LISTENER = new AgentRaces();

    private AgentRaces() {
    }

    static boolean detecting() {
        return RaceEvents.detecting();
    }

    /** Idempotent: one listener per loader of this class, whatever the number of test classes. */
    static void listen() {
        RaceEvents.addListener(LISTENER);
    }

    @Override
    public void race(String field, String kind, String sites, String report) {
        RunningTests.race(field, kind, sites, report);
    }

    @Override
    public void unattributed(String field) {
        RunningTests.unattributed(field);
    }
}
