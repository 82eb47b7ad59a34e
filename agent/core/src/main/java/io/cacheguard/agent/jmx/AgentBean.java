package io.cacheguard.agent.jmx;

import io.cacheguard.agent.status.AgentState;
import io.cacheguard.agent.status.FieldState;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Reads the agent's state anew for every attribute: a JMX client polls rarely, and sees the present. */
final class AgentBean implements AgentMXBean {
    private final Supplier<AgentState> state;

    AgentBean(Supplier<AgentState> state) {
        this.state = state;
    }

    @Override
    public String getVersion() {
        return state.get().version();
    }

    @Override
    public String getMode() {
        return state.get().mode();
    }

    @Override
    public String getDetector() {
        return state.get().detector();
    }

    @Override
    public String getStart() {
        return state.get().start();
    }

    @Override
    public String getOptions() {
        return state.get().options();
    }

    @Override
    public String getReport() {
        return state.get().report();
    }

    @Override
    public String[] getPatchedFields() {
        return fields("patched");
    }

    @Override
    public String[] getTrackedFields() {
        return fields("tracked");
    }

    @Override
    public String[] getSkippedFields() {
        return fields("skipped");
    }

    private String[] fields(String verdict) {
        return state.get().fields().stream().filter(field -> field.verdict().equals(verdict))
                .map(FieldState::field).toArray(String[]::new);
    }

    @Override
    public Map<String, Long> getRaceCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (FieldState field : state.get().fields()) {
            if (field.races() > 0) {
                counts.put(field.field(), field.races());
            }
        }
        return counts;
    }

    @Override
    public long getDistinctRaces() {
        return state.get().distinctRaces();
    }

    @Override
    public long getSuppressedRaces() {
        return state.get().suppressedRaces();
    }
}
