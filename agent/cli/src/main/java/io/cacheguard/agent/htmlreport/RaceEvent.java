package io.cacheguard.agent.htmlreport;

/** A {@code race} event: one distinct race as the agent reported it. */
record RaceEvent(int line, String kind, String detector, String field, String map, boolean patched,
                 Access earlier, Access later) {

    /** As the agent's log headline begins: kind and field. */
    String headline() {
        return kind + " on " + field;
    }

    /** The rest of the log's headline but the detector: map identity, whether it was patched. */
    String mapDescription() {
        return "map " + map + (patched ? ", patched: harmless in this run, racy in the source" : ", not patched");
    }
}
