package io.cacheguard.junit5;

/** Whether the cacheguard agent runs on this JVM and detects races, without linking to it first. */
final class AgentProbe {
    /** The agent's boot-loaded seam; on the boot class path only when the agent runs. */
    static final String RACE_EVENTS = "io.cacheguard.agent.runtime.RaceEvents";

    enum State { ABSENT, NOT_DETECTING, DETECTING }

    private AgentProbe() {
    }

    static State state() {
        try {
            // The boot loader only: a copy of the class on the test class path is not the agent.
            Class.forName(RACE_EVENTS, false, null);
        } catch (ClassNotFoundException e) {
            return State.ABSENT;
        }
        return AgentRaces.detecting() ? State.DETECTING : State.NOT_DETECTING;
    }
}
