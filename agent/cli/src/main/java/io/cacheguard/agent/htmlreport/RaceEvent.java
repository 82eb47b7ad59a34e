package io.cacheguard.agent.htmlreport;

/** A {@code race} event: one distinct race as the agent reported it. */
record RaceEvent(int line, String kind, String detector, String field, String map, boolean patched,
                 Access earlier, Access later) {

    /** The headline of the agent's log: kind, field, map, whether the map was patched, detector. */
    String headline() {
        return kind + " on " + field;
    }

    String details() {
        return "map " + map + (patched ? ", patched: harmless in this run, racy in the source" : ", not patched")
                + ", detector " + detector;
    }
}
