package io.cacheguard.agent.jmx;

import io.cacheguard.agent.status.AgentState;
import io.cacheguard.agent.status.FieldState;
import java.util.function.Supplier;

/** One field's bean: looks its field up in the present state on every read. */
final class FieldBean implements FieldMXBean {
    private final String field;
    private final Supplier<AgentState> state;

    FieldBean(String field, Supplier<AgentState> state) {
        this.field = field;
        this.state = state;
    }

    private FieldState now() {
        for (FieldState candidate : state.get().fields()) {
            if (candidate.field().equals(field)) {
                return candidate;
            }
        }
        return new FieldState(field, "", "", "", 0); // a bean is only made for a field the state holds
    }

    @Override
    public String getField() {
        return field;
    }

    @Override
    public String getVerdict() {
        return now().verdict();
    }

    @Override
    public String getPatchedAt() {
        return now().patchedAt();
    }

    @Override
    public String getBounds() {
        return now().bounds();
    }

    @Override
    public long getRaces() {
        return now().races();
    }

    @Override
    public long getSize() {
        return now().maps().entries();
    }

    @Override
    public long getEvictions() {
        return now().maps().evictions();
    }

    @Override
    public long getExpiries() {
        return now().maps().expiries();
    }
}
